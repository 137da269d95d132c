// What change data capture moves: source transactions of row changes, in commit order, each
// with the source position just after its commit (the checkpoint a restart resumes from).
// Capture readers (pgCapture, binlogCapture, triggerCapture) produce them; the applier
// (apply.ts) writes them to the target.
import type { TableRef } from '../sourceTables.js';

export type ChangeOp = 'insert' | 'update' | 'delete';

export interface RowChange {
  op: ChangeOp;
  table: TableRef;
  /** insert/update: the new row; delete: the old row (or at least its key). Column → value.
   *  A value left `undefined` is unknown (an unchanged TOASTed value): the target keeps it. */
  row: Record<string, unknown>;
  /** update: the old key when the source sent it (the key changed). */
  oldKey?: Record<string, unknown>;
}

export interface SourceTxn {
  /** The native position after the commit: an LSN, `file:position`, or a change sequence. */
  position: string;
  /** Commit time at the source, epoch ms. */
  commitMs: number;
  changes: RowChange[];
}

/** A DDL statement the source reported (captured, not applied). */
export interface SourceDdl {
  table?: TableRef;
  statement: string;
}

export interface CaptureHandlers {
  /** Called in commit order; the next transaction waits until this resolves (backpressure). */
  onTxn(txn: SourceTxn): Promise<void>;
  onDdl?(ddl: SourceDdl): void;
  /** The stream broke (connection lost, server error): capture has stopped. */
  onError(error: Error): void;
}

/** An open capture of one task's changes at the source. */
export interface ChangeCapture {
  /** The source's current position (for "cached changes up to here" and start points). */
  currentPosition(): Promise<string>;
  /** Streams transactions committed after `from` until close(). */
  start(from: string, handlers: CaptureHandlers): Promise<void>;
  /** Tells the source everything up to `position` is safely applied (frees its WAL). */
  confirm(position: string): void;
  close(): Promise<void>;
}

/** Compares two native positions of the same source kind: <0, 0, >0. */
export type PositionOrder = (a: string, b: string) => number;
