// `:messages`: the recent status-line messages, newest first, each with its time and in full
// (wrapped), so a long error cut short on the status bar, or one already cleared, can be read.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { useBindings } from '../ui/bindings.js';
import { useBodySize } from '../ui/layout.js';
import { useStatusState } from '../ui/status.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { visibleRange } from '../model/listCursor.js';
import { timestampText } from '../model/time.js';

export function MessagesScreen() {
  const { height } = useBodySize();
  const { messages } = useStatusState();
  const newestFirst = [...messages].reverse();
  const listHeight = Math.max(1, height - 1);
  const list = useListCursor({ name: 'messages', count: newestFirst.length, height: listHeight });
  useBindings(list.bindings);
  const { start, end } = visibleRange(list.cursor, newestFirst.length, listHeight);
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      <Text dimColor>
        {newestFirst.length === 0
          ? 'No messages yet: errors and notices from the status line are kept here'
          : `${newestFirst.length} recent message${newestFirst.length === 1 ? '' : 's'} · newest first`}
      </Text>
      {newestFirst.slice(start, end).map((m, i) => (
        <Text
          key={m.id}
          inverse={start + i === list.cursor.index}
          color={m.kind === 'error' ? 'red' : 'yellow'}
          wrap="wrap"
        >
          {timestampText(m.at).slice(11)} {m.kind === 'error' ? 'error ' : 'notice'} {m.text}
        </Text>
      ))}
    </Box>
  );
}
