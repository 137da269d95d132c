// The schema browser: source and target side by side (Tab switches), each a tree
// database → schema → table/view → column, loaded lazily on expand and cached for the run
// (r reloads the pane). `/` filters loaded names; F filters a schema's table names on the
// server when it has too many to load; Space marks schemas and tables on the source side,
// where each table says plainly when it is missing in the target; c hands the marked (or the
// focused) objects to the Create DMS Task form. The state and commands live in
// useSchemaBrowser; this file lays out the panes and the prompt below them.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { useMemo } from 'react';
import { useReadOnly } from '../ui/bindings.js';
import { hintFor, keysFor } from '../ui/keyHint.js';
import { useBodySize } from '../ui/layout.js';
import { FilterPrompt } from '../components/FilterPrompt.js';
import { TextPrompt } from '../components/form/TextPrompt.js';
import { useSchemaBrowser } from '../hooks/useSchemaBrowser.js';
import { describeConnection } from '../model/connection.js';
import { PaneView } from './browser/PaneView.js';

const NO_MARKS: ReadonlySet<string> = new Set();

export function SchemaBrowser() {
  const { width, height } = useBodySize();
  const browser = useSchemaBrowser({ height });
  const readOnly = useReadOnly();
  const { live, askFor, pane, prompt, marks, active } = browser;
  const sourceTarget = useMemo(
    () => (live?.target ? browser.index : undefined),
    [live?.target, browser.index],
  );

  if (!browser.project)
    return (
      <Text>
        No project open. Open or create one on the projects screen (
        <Text bold>{keysFor('app.goto')}project</Text>).
      </Text>
    );

  const paneWidth = Math.max(20, Math.floor((width - 1) / 2));
  const filterText = active.filter;
  return (
    <Box flexDirection="column">
      <Box height={browser.paneHeight} flexShrink={0}>
        <PaneView
          title="SOURCE"
          spec={live?.source}
          pane={browser.src}
          cursor={browser.srcCursor}
          height={browser.treeHeight}
          width={paneWidth}
          focused={pane === 'source'}
          marks={marks}
          target={sourceTarget}
        />
        <Box width={1} />
        <PaneView
          title="TARGET"
          spec={live?.target}
          pane={browser.tgt}
          cursor={browser.tgtCursor}
          height={browser.treeHeight}
          width={paneWidth}
          focused={pane === 'target'}
          marks={NO_MARKS}
        />
      </Box>
      {askFor && live?.[askFor] ? (
        <TextPrompt
          purpose={`password:${askFor}`}
          label={`Password for the ${askFor} (${describeConnection(live[askFor])}):`}
          mask
          hint={[
            'Kept in memory for this run only',
            hintFor('prompt.accept', 'connects'),
            hintFor('prompt.cancel', 'goes back'),
          ].join(' · ')}
          onCancel={browser.password.cancel}
          onSubmit={browser.password.submit}
        />
      ) : prompt.kind === 'server' ? (
        <TextPrompt
          purpose={`server-filter:${prompt.schema}`}
          label={`Server-side name filter for ${prompt.schema}:`}
          initial={active.serverFilter(prompt.schema)}
          hint="Tables whose name contains this text are loaded from the server · empty loads all"
          onCancel={browser.serverFilter.cancel}
          onSubmit={(text) => browser.serverFilter.submit(prompt.schema, text)}
        />
      ) : prompt.kind === 'filter' ? (
        <FilterPrompt {...browser.filterPrompt} />
      ) : (
        <Text dimColor wrap="truncate-end">
          {filterText
            ? `filter ${filterText} on the ${pane}'s names · ${keysFor('list.clearFilter')} clears · `
            : ''}
          {readOnly
            ? 'Read-only: browse and compare; creating tasks is off'
            : marks.size > 0
              ? `${marks.size} marked · ${keysFor('browser.createTask')} creates a DMS task for them`
              : [
                  hintFor('list.mark', 'marks'),
                  hintFor('browser.createTask', 'creates a DMS task for the focused object'),
                ].join(' · ')}
        </Text>
      )}
    </Box>
  );
}
