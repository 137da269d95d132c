// The preflight checklist as the app draws it: a verdict line, then each check as a mark, its
// title and what was found, and under a warning or a failure what to do, wrapped to the width
// of the overlay so nothing is cut. Pure.
import type { CheckStatus, PreflightCheck } from './preflight.js';

export interface ChecklistLine {
  text: string;
  status: CheckStatus;
  /** A "what to do" line (drawn dimmer than the finding). */
  fix?: boolean;
}

const MARK: Record<CheckStatus, string> = { pass: '✓ PASS', warn: '! WARN', fail: '✗ FAIL' };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "Verdict: FAIL · 2 checks failed, 1 warning · 9 checks". */
export function verdictLine(checks: readonly PreflightCheck[], verdict: CheckStatus): string {
  const failed = checks.filter((c) => c.status === 'fail').length;
  const warned = checks.filter((c) => c.status === 'warn').length;
  const parts = [
    failed > 0 ? `${plural(failed, 'check')} failed` : '',
    warned > 0 ? plural(warned, 'warning') : '',
  ].filter(Boolean);
  return `Verdict: ${verdict.toUpperCase()} · ${parts.join(', ') || 'every check passed'} · ${plural(checks.length, 'check')}`;
}

/** The failed checks in a few words, for a question before Start: "Selected tables, LOB columns". */
export function failedTitles(checks: readonly PreflightCheck[]): string {
  return checks
    .filter((c) => c.status === 'fail')
    .map((c) => c.title)
    .join(', ');
}

/** Words of `text` in lines of at most `width` characters (a longer word is cut into pieces). */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(8, width);
  const out: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > w) {
      if (line) out.push(line);
      out.push(word.slice(0, w));
      word = word.slice(w);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= w) line += ` ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line) out.push(line);
  return out.length > 0 ? out : [''];
}

/** Every check as lines of at most `width`: "✓ PASS  Title: finding", then "→ what to do". */
export function checklistView(checks: readonly PreflightCheck[], width: number): ChecklistLine[] {
  const indent = '        ';
  const lines: ChecklistLine[] = [];
  for (const c of checks) {
    const [first = '', ...rest] = wrapText(`${c.title}: ${c.detail}`, width - indent.length);
    lines.push({ text: `${MARK[c.status]}  ${first}`, status: c.status });
    for (const more of rest) lines.push({ text: `${indent}${more}`, status: c.status });
    if (c.fix && c.status !== 'pass')
      for (const [i, part] of wrapText(`→ ${c.fix}`, width - indent.length).entries())
        lines.push({ text: `${indent}${i === 0 ? '' : '  '}${part}`, status: c.status, fix: true });
  }
  return lines;
}

/** The form's line about the last preflight: its verdict and failures (shown once one ran). */
export function lastPreflightNote(
  last: { checks: readonly PreflightCheck[]; verdict: CheckStatus },
  options: { current: boolean; keys: string },
): string {
  const failed = failedTitles(last.checks);
  const stale = options.current ? '' : ' (before the last changes)';
  return `Last preflight${stale}: ${last.verdict.toUpperCase()}${failed ? ` · failed: ${failed}` : ''} · ${options.keys} runs it again`;
}
