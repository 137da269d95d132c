// A windowed list's cursor plus the list.* key bindings that move it. Screens spread the
// returned bindings into their own useBindings list.
import { useEffect, useMemo } from 'react';
import type { Binding } from '../ui/bindings.js';
import { useRouteState } from '../ui/useRouteState.js';
import {
  type CursorMove,
  clampCursor,
  INITIAL_CURSOR,
  type ListCursor,
  moveCursor,
  focusIndex,
} from '../model/listCursor.js';

export interface ListCursorApi {
  cursor: ListCursor;
  bindings: Binding[];
  move(move: CursorMove): void;
  focus(index: number): void;
}

export function useListCursor({
  name,
  count,
  height,
}: {
  name: string;
  count: number;
  height: number;
}): ListCursorApi {
  const [cursor, setCursor] = useRouteState<ListCursor>(`cursor:${name}`, INITIAL_CURSOR);
  useEffect(() => {
    setCursor((c) => {
      const next = clampCursor(c, count, height);
      return next.index === c.index && next.offset === c.offset ? c : next;
    });
  }, [count, height, setCursor]);
  return useMemo(() => {
    const move = (m: CursorMove) => setCursor((c) => moveCursor(c, m, count, height));
    const bindings: Binding[] = [
      { command: 'list.up', handler: () => move('up') },
      { command: 'list.down', handler: () => move('down') },
      { command: 'list.top', handler: () => move('top') },
      { command: 'list.bottom', handler: () => move('bottom') },
      { command: 'list.pageUp', handler: () => move('pageUp') },
      { command: 'list.pageDown', handler: () => move('pageDown') },
    ];
    return {
      cursor,
      bindings,
      move,
      focus: (index: number) => setCursor((c) => focusIndex(c, index, count, height)),
    };
  }, [cursor, count, height, setCursor]);
}
