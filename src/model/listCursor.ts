// Cursor and viewport of a windowed list: which row has focus and which rows are on screen.
// Only the visible window is ever rendered, so thousands of rows scroll smoothly.

export interface ListCursor {
  /** Index of the focused row (0 when the list is empty). */
  index: number;
  /** Index of the first row on screen. */
  offset: number;
}

export type CursorMove = 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom';

export const INITIAL_CURSOR: ListCursor = { index: 0, offset: 0 };

export function moveCursor(
  cursor: ListCursor,
  move: CursorMove,
  count: number,
  height: number,
): ListCursor {
  const page = Math.max(1, height - 1);
  const targets: Record<CursorMove, number> = {
    up: cursor.index - 1,
    down: cursor.index + 1,
    pageUp: cursor.index - page,
    pageDown: cursor.index + page,
    top: 0,
    bottom: count - 1,
  };
  return focusIndex(cursor, targets[move], count, height);
}

/** Focuses a row and scrolls the least needed to keep it visible. */
export function focusIndex(
  cursor: ListCursor,
  index: number,
  count: number,
  height: number,
): ListCursor {
  if (count <= 0) return INITIAL_CURSOR;
  const h = Math.max(1, height);
  const clamped = Math.min(Math.max(index, 0), count - 1);
  let offset = cursor.offset;
  if (clamped < offset) offset = clamped;
  if (clamped >= offset + h) offset = clamped - h + 1;
  offset = Math.min(Math.max(offset, 0), Math.max(0, count - h));
  return { index: clamped, offset };
}

/** Re-clamps after the list changed size (refresh, filter) or the screen was resized. */
export function clampCursor(cursor: ListCursor, count: number, height: number): ListCursor {
  return focusIndex(cursor, cursor.index, count, height);
}

/** The slice of rows to render. */
export function visibleRange(
  cursor: ListCursor,
  count: number,
  height: number,
): { start: number; end: number } {
  const start = Math.min(cursor.offset, Math.max(0, count - 1));
  return { start: Math.max(0, start), end: Math.min(count, start + Math.max(1, height)) };
}
