// Plain-text tables and JSON for the subcommands' --output, and the filter every line they
// print goes through: what DMS, CloudWatch Logs or a driver answered is shown with its control
// characters made visible (see model/visibleText.ts), and JSON stays valid JSON.
import { fitText } from '../model/taskRow.js';
import { terminalSafeJson, visible } from '../model/visibleText.js';
import type { CommandIo } from './io.js';

/** What a table cell shows at most (DMS identifiers are at most 255 characters). */
export const CELL_MAX = 256;

export function textTable(headers: string[], rows: string[][]): string {
  const shown = rows.map((r) => r.map((c) => visible(c, { maxLength: CELL_MAX })));
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...shown.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : fitText(c, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(headers), ...shown.map(line)].join('\n')}\n`;
}

/** Pretty JSON; DEL, C1 and bidirectional controls in strings are written as \uXXXX too. */
export function jsonText(value: unknown): string {
  return `${terminalSafeJson(JSON.stringify(value, null, 2))}\n`;
}

/** One JSON value on one line (JSON Lines), terminal-safe as jsonText is. */
export function jsonLine(value: unknown): string {
  return terminalSafeJson(JSON.stringify(value));
}

/**
 * The subcommand's output streams with every control character but the line feed made
 * visible: the last line of defence for text printed without going through a table.
 */
export function visibleIo(io: CommandIo): CommandIo {
  const show = (text: string) =>
    visible(text, { lines: true, maxLength: Number.POSITIVE_INFINITY });
  return { ...io, stdout: (t) => io.stdout(show(t)), stderr: (t) => io.stderr(show(t)) };
}
