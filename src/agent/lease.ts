// One agent per data dir. The lease file is created exclusively (link of a complete temporary
// file, so nobody reads a half-written one) and names the holder's pid; a lease whose process
// is gone (kill -9, a reboot) is stale and taken over. A second agent on a live lease is refused
// with one line naming the holder.
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { processAlive } from '../sandbox/sandboxFile.js';
import { agentPaths } from './agentDir.js';

export interface LeaseInfo {
  pid: number;
  startedAt: string;
  version: string;
}

export class LeaseHeldError extends Error {
  constructor(
    readonly holder: LeaseInfo,
    dir: string,
  ) {
    super(`another agent (pid ${holder.pid}, started ${holder.startedAt}) already runs on ${dir}`);
    this.name = 'LeaseHeldError';
  }
}

export function readLease(dir: string): LeaseInfo | null {
  try {
    const info = JSON.parse(readFileSync(agentPaths(dir).lease, 'utf8')) as LeaseInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

/** The live holder of the data dir's lease, or null. */
export function liveLease(dir: string): LeaseInfo | null {
  const info = readLease(dir);
  return info && processAlive(info.pid) ? info : null;
}

/** Takes the lease for this process; throws LeaseHeldError when a live agent holds it. */
export function acquireLease(dir: string, version: string): LeaseInfo {
  const path = agentPaths(dir).lease;
  const mine: LeaseInfo = { pid: process.pid, startedAt: new Date().toISOString(), version };
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(mine)}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(tmp, path);
        return mine;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readLease(dir);
      if (holder && holder.pid !== process.pid && processAlive(holder.pid))
        throw new LeaseHeldError(holder, dir);
      // Stale (its process is gone) or unreadable: take it over.
      rmSync(path, { force: true });
    }
    throw new Error(`could not take the agent lease ${path}`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Gives the lease back if this process still holds it. */
export function releaseLease(dir: string): void {
  if (readLease(dir)?.pid === process.pid) rmSync(agentPaths(dir).lease, { force: true });
}
