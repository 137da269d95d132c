// The side-by-side view of one validation failure: which source column lands in which target
// column (table mappings renames), the key columns first as the validator orders them, and each
// column's source and target value compared as validation compares them (validation.ts). Pure:
// src/db/validationRows.ts reads the rows.
import type { ColumnNaming } from './tableMatching.js';
import { type CompareKind, compareColumnOf, valuesDiffer } from './validation.js';
import { visible } from './visibleText.js';

export interface DiffColumn {
  /** The column's name on each side; null when that side has no such column. */
  source: string | null;
  target: string | null;
  /** Part of the primary key (the validator finds rows by it). */
  key: boolean;
  kind: CompareKind;
  /** Printed as hex. */
  binary: boolean;
  /** timestamp with time zone (printed in UTC). */
  tz: boolean;
}

/**
 * The columns to show, key columns first (in key order), then the source's other columns in
 * their order with their target names, then target columns no source column lands in.
 * `targetColumns` are the names the target table really has: a mapped column it lacks (a LOB
 * left out, say) shows as "(no column)" there.
 */
export function diffColumns(input: {
  family: 'postgres' | 'mysql';
  sourceColumns: readonly { name: string; fullType: string }[];
  primaryKey: readonly string[];
  /** The source columns with their target names (mapColumnNames: removed ones left out). */
  naming: readonly ColumnNaming[];
  targetColumns: readonly string[];
}): DiffColumn[] {
  const has = new Set(input.targetColumns);
  const mapped = input.sourceColumns.map((c): DiffColumn => {
    const target = input.naming.find((n) => n.source === c.name)?.target;
    return {
      source: c.name,
      target: target !== undefined && has.has(target) ? target : null,
      key: input.primaryKey.includes(c.name),
      ...compareColumnOf(input.family, c.fullType),
    };
  });
  const keys = input.primaryKey.flatMap((k) => mapped.filter((c) => c.source === k));
  const rest = mapped.filter((c) => !c.key);
  const landed = new Set(mapped.map((c) => c.target));
  const extra = input.targetColumns
    .filter((t) => !landed.has(t))
    .map(
      (t): DiffColumn => ({
        source: null,
        target: t,
        key: false,
        kind: 'exact',
        binary: false,
        tz: false,
      }),
    );
  return [...keys, ...rest, ...extra];
}

/** One side's value of a column: a value (NULL is null), or why there is none. */
export type DiffCell =
  | { kind: 'value'; text: string | null }
  | { kind: 'no-row' }
  | { kind: 'no-column' }
  | { kind: 'unread' };

/** One side's row, aligned with the columns (undefined where it has no such column); null when
 *  the row is missing; undefined when it could not be read. */
export type SideRow = readonly (string | null | undefined)[] | null | undefined;

export interface DiffLine {
  column: DiffColumn;
  source: DiffCell;
  target: DiffCell;
  /** Both sides have a value and they differ as validation compares them. */
  differs: boolean;
}

function cellOf(row: SideRow, name: string | null, i: number): DiffCell {
  if (row === undefined) return { kind: 'unread' };
  if (row === null) return { kind: 'no-row' };
  const value = row[i];
  if (name === null || value === undefined) return { kind: 'no-column' };
  return { kind: 'value', text: value };
}

export function diffLines(
  columns: readonly DiffColumn[],
  source: SideRow,
  target: SideRow,
): DiffLine[] {
  return columns.map((column, i) => {
    const s = cellOf(source, column.source, i);
    const t = cellOf(target, column.target, i);
    const differs =
      s.kind === 'value' && t.kind === 'value' && valuesDiffer(column.kind, s.text, t.text);
    return { column, source: s, target: t, differs };
  });
}

/** "price", or "name → full_name" when the target names it otherwise. */
export function columnLabel(c: DiffColumn): string {
  if (c.source !== null && c.target !== null && c.source !== c.target)
    return `${c.source} → ${c.target}`;
  return c.source ?? c.target ?? '';
}

/** A cell as drawn: the value made safe and cut to `max` characters, or the words for none. */
export function cellText(cell: DiffCell, max = Number.POSITIVE_INFINITY): string {
  switch (cell.kind) {
    case 'value':
      return cell.text === null ? 'NULL' : visible(cell.text, { maxLength: max });
    case 'no-row':
      return 'missing';
    case 'no-column':
      return '(no column)';
    case 'unread':
      return '(not read)';
  }
}

/**
 * A line's two cells as drawn in `width` characters each. Where two long values differ past
 * what fits, both start a little before their first difference ("…" in front), so the
 * difference shows on the line.
 */
export function lineTexts(line: DiffLine, width: number): [string, string] {
  const s = line.source;
  const t = line.target;
  if (line.differs && s.kind === 'value' && t.kind === 'value' && s.text && t.text) {
    let at = 0;
    while (at < s.text.length && at < t.text.length && s.text[at] === t.text[at]) at++;
    const context = Math.max(1, Math.floor(width / 3));
    if (at >= width - 1) {
      const from = at - context;
      return [
        `…${cellText({ kind: 'value', text: s.text.slice(from) }, width - 1)}`,
        `…${cellText({ kind: 'value', text: t.text.slice(from) }, width - 1)}`,
      ];
    }
  }
  return [cellText(s, width), cellText(t, width)];
}

/** The marker in front of a line: it reads without colour. */
export const DIFFERS_MARK = '≠';

/** One line of words on how the two rows compare. */
export function diffSummary(lines: readonly DiffLine[]): string {
  const sourceRow = lines[0]?.source.kind;
  const targetRow = lines[0]?.target.kind;
  if (sourceRow === 'no-row' && targetRow === 'no-row')
    return 'Neither side has this row now (changed since the last validation)';
  if (targetRow === 'no-row') return 'The row is missing in the target';
  if (sourceRow === 'no-row') return 'The row is missing in the source';
  if (sourceRow === 'unread' || targetRow === 'unread')
    return `${lines.length} column${lines.length === 1 ? '' : 's'}: one side could not be read`;
  const n = lines.filter((l) => l.differs).length;
  if (n === 0)
    return 'The rows are equal now: the failure is from the last validation (V re-validates)';
  return `${n} of ${lines.length} columns differ${n === 1 ? 's' : ''} (marked ${DIFFERS_MARK})`;
}

/** Characters of one value shown whole at most (a larger LOB is cut, and says so). */
export const WHOLE_VALUE_MAX = 200_000;

/** Titled texts as lines of at most `width` characters: each title, then its text made safe
 *  (line breaks kept) and wrapped, then a blank line. */
export function wrapSections(
  sections: readonly { title: string; text: string }[],
  width: number,
): { text: string; title: boolean }[] {
  const w = Math.max(10, width);
  const out: { text: string; title: boolean }[] = [];
  for (const s of sections) {
    out.push({ text: s.title, title: true });
    for (const line of visible(s.text, { lines: true, maxLength: WHOLE_VALUE_MAX }).split('\n'))
      for (let at = 0; at === 0 || at < line.length; at += w)
        out.push({ text: line.slice(at, at + w), title: false });
    out.push({ text: '', title: false });
  }
  return out;
}

/** The widths of the column-name and the two value columns in `width` characters. */
export function diffColumnWidths(
  lines: readonly DiffLine[],
  width: number,
): { name: number; value: number } {
  const room = Math.max(20, width - 2);
  const longest = Math.max(
    6,
    ...lines.map((l) => columnLabel(l.column).length + (l.column.key ? 6 : 0)),
  );
  const name = Math.min(longest, Math.floor(room * 0.3));
  const value = Math.max(4, Math.floor((room - name - 2) / 2));
  return { name, value };
}
