// Long values shown whole: each section's text made safe (its line breaks kept) and wrapped at
// the width, in a scrollable window (j/k, PgUp/PgDn, g/G); Esc closes it.
import { Box } from 'ink';
import { useMemo } from 'react';
import { useListCursor } from '../hooks/useListCursor.js';
import { visibleRange } from '../model/listCursor.js';
import { wrapSections } from '../model/validationDiff.js';
import { useBindings } from '../ui/bindings.js';
import { Text } from './Text.js';

export function ValueView({
  sections,
  width,
  height,
  onClose,
}: {
  sections: { title: string; text: string; tone?: 'red' | 'green' }[];
  width: number;
  height: number;
  onClose: () => void;
}) {
  const lines = useMemo(() => wrapSections(sections, width), [sections, width]);
  const list = useListCursor({ name: 'value', count: lines.length, height });
  useBindings([...list.bindings, { command: 'dialog.cancel', handler: onClose }], {
    kind: 'dialog',
  });
  const { start, end } = visibleRange(list.cursor, lines.length, height);
  return (
    <Box flexDirection="column">
      {lines.slice(start, end).map((line, i) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
          key={start + i}
          bold={line.title}
          inverse={start + i === list.cursor.index}
          wrap="truncate"
        >
          {line.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
