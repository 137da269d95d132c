// Pretty JSON in a scrollable window (j/k, PgUp/PgDn, g/G), keys cyan, strings green.
import { Box } from 'ink';
import { Text } from './Text.js';
import { useMemo } from 'react';
import { useBindings } from '../ui/bindings.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { visibleRange } from '../model/listCursor.js';
import { terminalSafeJson, visible } from '../model/visibleText.js';

/** The value as pretty JSON lines, with DEL, C1 and bidirectional controls as \uXXXX too. */
export function jsonLines(value: unknown): string[] {
  const json = JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v), 2);
  return terminalSafeJson(json ?? 'undefined').split('\n');
}

export function JsonView({
  value,
  height,
  name = 'json',
  onClose,
}: {
  value: unknown;
  height: number;
  name?: string;
  /** When given, the view is a modal layer and Esc calls this. */
  onClose?: () => void;
}) {
  const lines = useMemo(() => jsonLines(value), [value]);
  const list = useListCursor({ name, count: lines.length, height });
  useBindings(
    onClose ? [...list.bindings, { command: 'dialog.cancel', handler: onClose }] : list.bindings,
    { kind: onClose ? 'dialog' : 'screen' },
  );
  const { start, end } = visibleRange(list.cursor, lines.length, height);
  return (
    <Box flexDirection="column">
      {lines.slice(start, end).map((whole, i) => {
        // Cut before matching and drawing: a 1 MB string value costs what a short one does.
        const line = visible(whole);
        const m = /^(\s*)("(?:[^"\\]|\\.)*")(:\s?)(.*)$/.exec(line);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
          <Text key={start + i} inverse={start + i === list.cursor.index}>
            {m ? (
              <>
                {m[1]}
                <Text color="cyan">{m[2]}</Text>
                {m[3]}
                <Text color={m[4]?.startsWith('"') ? 'green' : 'yellow'}>{m[4]}</Text>
              </>
            ) : (
              line
            )}
          </Text>
        );
      })}
    </Box>
  );
}
