// A list to choose one item from (a replication instance, an endpoint or "Create new…"):
// ↑/↓ or j/k move, Enter picks, Esc closes. Items may be shown but refused (disabledReason).
import { Box } from 'ink';
import { Text } from '../../components/Text.js';
import { useEffect, useRef } from 'react';
import { useBindings } from '../../ui/bindings.js';
import { useStatus } from '../../ui/status.js';
import { useListCursor } from '../../hooks/useListCursor.js';
import { visibleRange } from '../../model/listCursor.js';
import type { ChoiceItem } from '../../model/taskFormDisplay.js';

/** An item; one with a disabledReason is shown dimmed and picking it shows the reason. */
export type PickerItem = ChoiceItem;

export function Picker({
  title,
  items,
  height,
  initialKey,
  loading,
  error,
  onPick,
  onClose,
}: {
  title: string;
  items: PickerItem[];
  height: number;
  initialKey?: string | null;
  loading?: boolean;
  error?: string;
  onPick(item: PickerItem): void;
  onClose(): void;
}) {
  const { setError } = useStatus();
  const listHeight = Math.max(1, height - 3);
  const list = useListCursor({ name: `picker:${title}`, count: items.length, height: listHeight });
  const focused = items[list.cursor.index];
  // Start on the current choice once the list shows it.
  const startIndex = initialKey ? items.findIndex((i) => i.key === initialKey) : -1;
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || startIndex < 0) return;
    placed.current = true;
    list.focus(startIndex);
  }, [startIndex, list]);

  useBindings(
    [
      ...list.bindings,
      {
        command: 'dialog.confirm',
        handler: () => {
          if (!focused) return;
          if (focused.disabledReason) setError(focused.disabledReason);
          else onPick(focused);
        },
        disabledReason: focused ? null : 'Nothing to choose',
      },
      { command: 'dialog.cancel', handler: onClose },
    ],
    { kind: 'dialog' },
  );
  const { start, end } = visibleRange(list.cursor, items.length, listHeight);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold color="cyan">
        {title}
      </Text>
      {loading && items.length === 0 ? <Text dimColor>Loading…</Text> : null}
      {error ? <Text color="red">{error}</Text> : null}
      {items.slice(start, end).map((item, i) => {
        const selected = start + i === list.cursor.index;
        return (
          <Text
            key={item.key}
            inverse={selected}
            dimColor={Boolean(item.disabledReason)}
            wrap="truncate-end"
          >
            {item.label}
            {item.detail ? <Text dimColor> {item.detail}</Text> : null}
          </Text>
        );
      })}
    </Box>
  );
}
