// The preflight checklist overlay (from the Create form and the task list): while the checks
// run, what is being checked and that Esc cancels; then the verdict and every check with what to
// do, scrollable (↑/↓, j/k, PgUp/PgDn, g/G); or why it could not run. Esc closes.
import { Box } from 'ink';
import { hintFor } from '../ui/keyHint.js';
import { useLineScroll } from '../ui/useLineScroll.js';
import type { PreflightView } from '../hooks/usePreflight.js';
import type { CheckStatus } from '../model/preflight.js';
import { checklistView, verdictLine } from '../model/preflightView.js';
import { Text } from './Text.js';

/** The colour of a check's status and of a verdict. */
export const CHECK_COLOR: Record<CheckStatus, string> = {
  pass: 'green',
  warn: 'yellow',
  fail: 'red',
};

export function PreflightChecklist({
  view,
  height,
  width,
  onClose,
}: {
  view: PreflightView;
  height: number;
  width: number;
  onClose(): void;
}) {
  const inner = Math.max(20, width - 4);
  const lines = view.kind === 'done' ? checklistView(view.result.checks, inner) : [];
  // Border (2), title, verdict, the hint line.
  const page = Math.max(1, height - 5);
  const offset = useLineScroll({ count: lines.length, page, onClose });
  const shown = lines.slice(offset, offset + page);
  const border = view.kind === 'done' ? CHECK_COLOR[view.result.verdict] : 'cyan';
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border} paddingX={1}>
      <Text bold color="cyan" wrap="truncate">
        {view.title}
        {view.kind === 'done' && lines.length > page ? (
          <Text dimColor>
            {' '}
            lines {offset + 1}–{offset + shown.length} of {lines.length}
          </Text>
        ) : null}
      </Text>
      {view.kind === 'running' ? (
        <Text color="yellow">
          Checking both databases through the project's connections…{' '}
          {hintFor('dialog.cancel', 'cancels')}
        </Text>
      ) : null}
      {view.kind === 'error' ? (
        <Text color="red" wrap="wrap">
          ✗ Preflight could not run: {view.error}
        </Text>
      ) : null}
      {view.kind === 'done' ? (
        <>
          <Text bold color={CHECK_COLOR[view.result.verdict]} wrap="truncate">
            {verdictLine(view.result.checks, view.result.verdict)}
          </Text>
          {shown.map((line, i) => (
            <Text
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
              key={offset + i}
              color={line.fix ? undefined : CHECK_COLOR[line.status]}
              dimColor={line.fix}
              wrap="truncate"
            >
              {line.text}
            </Text>
          ))}
        </>
      ) : null}
      {view.kind !== 'running' ? (
        <Text dimColor wrap="truncate">
          {hintFor('dialog.cancel', 'closes')}
        </Text>
      ) : null}
    </Box>
  );
}
