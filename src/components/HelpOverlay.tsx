// `?`: every key in force on this screen, grouped by where it applies, from the key table.
// Scrolls with the list keys when it does not fit.
import { Box } from 'ink';
import { Text } from './Text.js';
import { useState } from 'react';
import { type ShownBinding, useActiveBindings, useBindings } from '../ui/bindings.js';
import { keysFor } from '../ui/keyHint.js';
import { keyLabel } from '../model/keyName.js';

const GROUP_TITLES: Record<ShownBinding['layer'], string> = {
  overlay: 'This overlay',
  dialog: 'Dialog',
  screen: 'This screen',
  app: 'Everywhere',
};

interface HelpLine {
  key: string;
  text: string;
  dim?: boolean;
  title?: boolean;
}

function helpLines(bindings: ShownBinding[]): HelpLine[] {
  const lines: HelpLine[] = [];
  for (const layer of ['dialog', 'screen', 'app'] as const) {
    const items = bindings.filter((b) => b.layer === layer);
    if (items.length === 0) continue;
    lines.push({ key: `t-${layer}`, text: GROUP_TITLES[layer], title: true });
    for (const b of items) {
      const keys = b.keys.map(keyLabel).join(' ').padEnd(14);
      const reason = b.disabledReason ? `  (${b.disabledReason})` : '';
      lines.push({
        key: b.command,
        text: `  ${keys} ${b.description}${reason}`,
        dim: Boolean(b.disabledReason),
      });
    }
  }
  return lines;
}

export function HelpOverlay({ onClose, height }: { onClose: () => void; height: number }) {
  const lines = helpLines(useActiveBindings({ skip: 'overlay' }));
  // Inside the border: the title, the lines, and one line saying what is above or below.
  const room = Math.max(1, height - 4);
  const maxOffset = Math.max(0, lines.length - room);
  const [offset, setOffset] = useState(0);
  const scroll = (delta: number) => setOffset((o) => Math.min(maxOffset, Math.max(0, o + delta)));
  useBindings(
    [
      { command: 'nav.back', handler: onClose },
      { command: 'app.help', handler: onClose },
      { command: 'list.down', handler: () => scroll(1) },
      { command: 'list.up', handler: () => scroll(-1) },
      { command: 'list.pageDown', handler: () => scroll(room) },
      { command: 'list.pageUp', handler: () => scroll(-room) },
      { command: 'list.top', handler: () => setOffset(0) },
      { command: 'list.bottom', handler: () => setOffset(maxOffset) },
    ],
    { kind: 'overlay' },
  );
  const start = Math.min(offset, maxOffset);
  const visible = lines.slice(start, start + room);
  const below = lines.length - start - visible.length;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1} height={height}>
      <Text bold>
        Keys — {keysFor('nav.back')} or {keysFor('app.help')} to close
        {maxOffset > 0
          ? `, ${keysFor('list.up')} ${keysFor('list.down')} ${keysFor('list.top')} ${keysFor('list.bottom')} to scroll`
          : ''}
      </Text>
      {visible.map((line) => (
        <Text
          key={line.key}
          bold={line.title}
          color={line.title ? 'yellow' : undefined}
          dimColor={line.dim}
          wrap="truncate"
        >
          {line.text}
        </Text>
      ))}
      {maxOffset > 0 ? (
        <Text dimColor>
          {start > 0 ? `↑ ${start} above  ` : ''}
          {below > 0 ? `↓ ${below} more` : ''}
        </Text>
      ) : null}
    </Box>
  );
}
