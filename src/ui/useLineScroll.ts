// A scrollable overlay of lines (Preview JSON, the preflight checklist): the first line shown,
// moved by the list keys (↑/↓, j/k, PgUp/PgDn, g/G) within the lines there are, and Esc to close,
// bound as a dialog layer.
import { useState } from 'react';
import { useBindings } from './bindings.js';

export function useLineScroll({
  count,
  page,
  onClose,
}: {
  /** Lines in all. */
  count: number;
  /** Lines shown at once. */
  page: number;
  onClose(): void;
}): number {
  const maxOffset = Math.max(0, count - page);
  const [offset, setOffset] = useState(0);
  const scroll = (to: number) => setOffset(Math.max(0, Math.min(maxOffset, to)));
  useBindings(
    [
      { command: 'list.up', handler: () => scroll(offset - 1) },
      { command: 'list.down', handler: () => scroll(offset + 1) },
      { command: 'list.pageUp', handler: () => scroll(offset - page) },
      { command: 'list.pageDown', handler: () => scroll(offset + page) },
      { command: 'list.top', handler: () => scroll(0) },
      { command: 'list.bottom', handler: () => scroll(maxOffset) },
      { command: 'dialog.cancel', handler: onClose },
    ],
    { kind: 'dialog' },
  );
  return Math.min(offset, maxOffset);
}
