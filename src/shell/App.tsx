// The shell: breadcrumbs, the screen on top of the navigation stack, footer hints, status bar,
// and the `?` help and `:` go-to overlays. Global keys are bound here.
import { Box, useApp } from 'ink';
import { Text } from '../components/Text.js';
import { useState } from 'react';
import { GotoPrompt } from '../components/GotoPrompt.js';
import { HelpOverlay } from '../components/HelpOverlay.js';
import { KeyHints } from '../components/KeyHints.js';
import { StatusBar } from '../components/StatusBar.js';
import { TaskWatchProvider, useTaskWatch } from '../hooks/useTaskWatch.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { alertSummary } from '../model/alerts.js';
import type { Route } from '../model/navigation.js';
import { KeyDispatcher, useBindings } from '../ui/bindings.js';
import { keysFor } from '../ui/keyHint.js';
import { BodySizeContext } from '../ui/layout.js';
import { NavigationProvider, useNavigation } from '../ui/navigation.js';
import { gotoTargets, routeComponent, routeTitle, screenForGoto } from './screens.js';
import { type Services, ServicesProvider, useServices } from '../ui/services.js';
import { StatusProvider, useStatusState } from '../ui/status.js';

export interface AppProps {
  services: Services;
  initialRoute: Route;
  /** Shown once in the status bar (e.g. a config file that was moved aside). */
  notice?: string;
  onQuit?: () => void;
}

export function App({ services, initialRoute, notice, onQuit }: AppProps) {
  return (
    <ServicesProvider services={services}>
      <StatusProvider initialNotice={notice}>
        <TaskWatchProvider>
          <KeyDispatcher readOnly={services.readOnly}>
            <NavigationProvider initial={initialRoute}>
              <Shell onQuit={onQuit} />
            </NavigationProvider>
          </KeyDispatcher>
        </TaskWatchProvider>
      </StatusProvider>
    </ServicesProvider>
  );
}

type Overlay = 'none' | 'help' | 'goto';

function Shell({ onQuit }: { onQuit?: () => void }) {
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const navigation = useNavigation();
  const services = useServices();
  const status = useStatusState();
  const watch = useTaskWatch();
  const [overlay, setOverlay] = useState<Overlay>('none');

  const quit = () => {
    onQuit?.();
    exit();
  };
  useBindings(
    [
      { command: 'app.quit', handler: quit },
      { command: 'app.help', handler: () => setOverlay('help') },
      { command: 'app.goto', handler: () => setOverlay('goto') },
      {
        command: 'nav.back',
        handler: navigation.pop,
        disabledReason:
          navigation.stack.length > 1 ? null : `Already at the top: ${keysFor('app.quit')} quits`,
      },
    ],
    { kind: 'app' },
  );

  const Screen = routeComponent(navigation.route);
  const crumbs = navigation.stack.map(routeTitle);
  const gotoHeight = overlay === 'goto' ? 2 : 0;
  const bodyHeight = Math.max(3, rows - 3 - gotoHeight);

  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Box height={1}>
        <Box flexShrink={0}>
          <Text bold color="cyan">
            dms-tui
          </Text>
        </Box>
        {/* A deep stack keeps its last crumbs on one line: the start gives way. */}
        <Text wrap="truncate-start">{` › ${crumbs.join(' › ')}`}</Text>
      </Box>
      <BodySizeContext.Provider value={{ width: columns, height: bodyHeight }}>
        <Box height={bodyHeight} flexDirection="column" overflow="hidden">
          {overlay === 'help' ? (
            <HelpOverlay height={bodyHeight} onClose={() => setOverlay('none')} />
          ) : null}
          {/* The screen stays mounted under the help overlay so its keys are listed there. */}
          <Box display={overlay === 'help' ? 'none' : 'flex'} flexDirection="column" flexGrow={1}>
            {Screen ? (
              <Screen key={navigation.stack.length} params={navigation.route.params} />
            ) : (
              <Text color="red">Unknown screen: {navigation.route.screen}</Text>
            )}
          </Box>
        </Box>
      </BodySizeContext.Provider>
      {overlay === 'goto' ? (
        <GotoPrompt
          targets={gotoTargets()}
          onClose={() => setOverlay('none')}
          onGo={(target) => {
            const screen = screenForGoto(target.name);
            if (screen) navigation.goto({ screen });
            setOverlay('none');
          }}
        />
      ) : null}
      <KeyHints width={columns} />
      <StatusBar
        target={services.target}
        project={services.project?.name}
        readOnly={services.readOnly}
        status={status}
        alert={alertSummary(watch.alerts.active)}
        width={columns}
      />
    </Box>
  );
}
