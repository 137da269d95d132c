// `?`: every key in force on this screen, grouped by where it applies, from the key table.
import { Box, Text } from 'ink';
import { type ShownBinding, useActiveBindings, useBindings } from '../app/bindings.js';
import { keyLabel } from '../model/keyName.js';

const GROUP_TITLES: Record<ShownBinding['layer'], string> = {
  overlay: 'This overlay',
  dialog: 'Dialog',
  screen: 'This screen',
  app: 'Everywhere',
};

export function HelpOverlay({ onClose, height }: { onClose: () => void; height: number }) {
  useBindings(
    [
      { command: 'nav.back', handler: onClose },
      { command: 'app.help', handler: onClose },
    ],
    { kind: 'overlay' },
  );
  const bindings = useActiveBindings({ skip: 'overlay' });
  const groups = (['dialog', 'screen', 'app'] as const)
    .map((layer) => ({ layer, items: bindings.filter((b) => b.layer === layer) }))
    .filter((g) => g.items.length > 0);
  const lines: { key: string; text: string; dim?: boolean; title?: boolean }[] = [];
  for (const group of groups) {
    lines.push({ key: `t-${group.layer}`, text: GROUP_TITLES[group.layer], title: true });
    for (const b of group.items) {
      const keys = b.keys.map(keyLabel).join(' ').padEnd(14);
      const reason = b.disabledReason ? `  (${b.disabledReason})` : '';
      lines.push({
        key: b.command,
        text: `  ${keys} ${b.description}${reason}`,
        dim: Boolean(b.disabledReason),
      });
    }
  }
  // Border (2) and title (1) take three rows; when it does not all fit, the "more" line one.
  const room = Math.max(1, height - 3);
  const visible = lines.length > room ? lines.slice(0, Math.max(1, room - 1)) : lines;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1} height={height}>
      <Text bold>Keys — Esc or ? to close</Text>
      {visible.map((line) => (
        <Text
          key={line.key}
          bold={line.title}
          color={line.title ? 'yellow' : undefined}
          dimColor={line.dim}
        >
          {line.text}
        </Text>
      ))}
      {lines.length > visible.length ? (
        <Text dimColor>… {lines.length - visible.length} more (enlarge the terminal)</Text>
      ) : null}
    </Box>
  );
}
