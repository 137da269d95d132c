// Native source positions and DMS's checkpoint strings. PostgreSQL: an LSN ("4AF/B00000D0");
// MySQL/MariaDB: "binlog-file.000024:373"; PGlite (trigger capture): the change sequence.
// A recovery checkpoint wraps one as DMS does: "checkpoint:V1#1#000004AF/B00000D0#0#0#*#0#0".
import type { PositionOrder } from './types.js';

export type PositionKind = 'lsn' | 'binlog' | 'seq';

function lsnValue(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi || '0'}`) << 32n) + BigInt(`0x${lo || '0'}`);
}

export function isLsn(text: string): boolean {
  return /^[0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8}$/.test(text);
}

export function isBinlogPosition(text: string): boolean {
  return /^[^:\s]+\.\d+:\d+$/.test(text);
}

/** The LSN as DMS prints it in checkpoints: two 8-digit upper-case hex halves. */
export function paddedLsn(lsn: string): string {
  const [hi = '0', lo = '0'] = lsn.split('/');
  return `${hi.toUpperCase().padStart(8, '0')}/${lo.toUpperCase().padStart(8, '0')}`;
}

function binlogParts(position: string): [number, number] {
  const at = position.lastIndexOf(':');
  const file = position.slice(0, at);
  const suffix = Number(/\.(\d+)$/.exec(file)?.[1] ?? 0);
  return [suffix, Number(position.slice(at + 1))];
}

export const positionOrder: Record<PositionKind, PositionOrder> = {
  lsn: (a, b) => {
    const d = lsnValue(a) - lsnValue(b);
    return d === 0n ? 0 : d < 0n ? -1 : 1;
  },
  binlog: (a, b) => {
    const [fa, pa] = binlogParts(a);
    const [fb, pb] = binlogParts(b);
    return fa !== fb ? fa - fb : pa - pb;
  },
  seq: (a, b) => {
    const d = BigInt(a) - BigInt(b);
    return d === 0n ? 0 : d < 0n ? -1 : 1;
  },
};

/** A recovery checkpoint for a native position. */
export function toCheckpoint(kind: PositionKind, position: string): string {
  const native = kind === 'lsn' ? paddedLsn(position) : position;
  return `checkpoint:V1#1#${native}#0#0#*#0#0`;
}

/** The native position inside a checkpoint, or the text itself when it is already native. */
export function nativePosition(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.toLowerCase().startsWith('checkpoint:')) return trimmed;
  return trimmed.split('#')[2] ?? '';
}

/** Whether a CdcStartPosition is a native position (or checkpoint) this source kind reads. */
export function positionFits(kind: PositionKind, text: string): boolean {
  const native = nativePosition(text);
  if (kind === 'lsn') return isLsn(native);
  if (kind === 'binlog') return isBinlogPosition(native);
  return /^\d+$/.test(native);
}
