// The `/` filter of a list, the same on every screen: its text (remembered for the route), the
// compiled matcher, the prompt's answers, and the keys. `/` opens the prompt holding the filter
// in force, to edit (Ctrl-u empties it); Enter keeps it; Esc in the prompt, or Esc on the list
// while a filter is on (as in k9s), clears it. `matches` names what the filter looks at, for
// the prompt and the screen's header.
import { useMemo, useState } from 'react';
import type { Binding } from '../ui/bindings.js';
import { command } from '../ui/commands.js';
import { useStatus } from '../ui/status.js';
import { useRouteState } from '../ui/useRouteState.js';
import { type CompiledFilter, compileFilter } from '../model/listFilter.js';

export interface ListFilter {
  text: string;
  compiled: CompiledFilter;
  /** The prompt is open. */
  prompting: boolean;
  /** What the filter looks at ("name, status, type"). */
  matches: string;
  /** `/` (open the prompt) and, while a filter is on, Esc (clear it). */
  bindings: Binding[];
  /** The prompt's props (FilterPrompt). */
  prompt: {
    value: string;
    matches: string;
    error?: string;
    onChange(text: string): void;
    onAccept(): void;
    onCancel(): void;
  };
  clear(): void;
}

export function useListFilter({
  matches,
  onChange,
  name = 'filter',
}: {
  matches: string;
  /** Called whenever the filter text changes (e.g. to focus the first row). */
  onChange?: () => void;
  name?: string;
}): ListFilter {
  const [text, setText] = useRouteState(name, '');
  const [prompting, setPrompting] = useState(false);
  const { setError, setNotice } = useStatus();
  const compiled = useMemo(() => compileFilter(text), [text]);
  const change = (next: string) => {
    setText(next);
    onChange?.();
  };
  const clear = () => {
    change('');
    setPrompting(false);
  };
  return {
    text,
    compiled,
    prompting,
    matches,
    bindings: [
      command('list.filter', () => setPrompting(true)),
      ...(compiled.empty
        ? []
        : [
            command('list.clearFilter', () => {
              clear();
              setNotice(`Filter ${text} cleared`);
            }),
          ]),
    ],
    prompt: {
      value: text,
      matches,
      error: compiled.error,
      onChange: change,
      onAccept: () => {
        if (compiled.error) setError(compiled.error);
        setPrompting(false);
      },
      onCancel: clear,
    },
    clear,
  };
}

/** "filter bv on name, status" for a header, or '' when no filter is on. */
export function filterSummary(filter: Pick<ListFilter, 'text' | 'compiled' | 'matches'>): string {
  if (filter.compiled.empty) return '';
  return `filter ${filter.text}${filter.compiled.inverted ? ' (not matching)' : ''} on ${filter.matches}`;
}
