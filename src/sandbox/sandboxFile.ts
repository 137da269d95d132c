// <dataDir>/sandbox.json: who is serving this data dir ({pid, port, url, demo}), written by the
// foreground `dms-tui sandbox` process and read by the launcher, `sandbox stop` and `status`.
import { readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { dataDir as appDataDir } from '../config/paths.js';
import type { ConnectionSpec } from '../model/connection.js';
import { writeFileAtomic } from './store.js';

export const DEFAULT_SANDBOX_PORT = 18590;
export const SANDBOX_FILE = 'sandbox.json';
export const SANDBOX_LOG = 'sandbox.log';
export const HEALTH_PATH = '/sandbox/health';

/** Where the sandbox keeps its state unless told otherwise: <app data dir>/sandbox. */
export function defaultSandboxDir(): string {
  return join(appDataDir(), 'sandbox');
}

export interface SandboxInfo {
  pid: number;
  port: number;
  url: string;
  startedAt: string;
  /** Demo connections, without passwords. */
  demo?: { source: ConnectionSpec; target: ConnectionSpec };
}

export function readSandboxInfo(dataDir: string): SandboxInfo | null {
  try {
    const info = JSON.parse(readFileSync(join(dataDir, SANDBOX_FILE), 'utf8')) as SandboxInfo;
    return typeof info.pid === 'number' && typeof info.url === 'string' ? info : null;
  } catch {
    return null;
  }
}

export function writeSandboxInfo(dataDir: string, info: SandboxInfo): void {
  writeFileAtomic(join(dataDir, SANDBOX_FILE), `${JSON.stringify(info, null, 2)}\n`, 0o600);
}

/** Removes sandbox.json if it still names this process. */
export function removeSandboxInfo(dataDir: string, pid: number): void {
  if (readSandboxInfo(dataDir)?.pid === pid) rmSync(join(dataDir, SANDBOX_FILE), { force: true });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when a sandbox answers at url (and, if given, is process pid). Asked with node:http,
 *  not fetch: fetch would first load undici, a noticeable part of a `dms-tui tasks --sandbox`. */
export async function sandboxHealthy(
  url: string,
  pid?: number,
  timeoutMs = 1500,
): Promise<boolean> {
  try {
    const body = JSON.parse(await getText(`${url}${HEALTH_PATH}`, timeoutMs)) as {
      service?: string;
      pid?: number;
      closing?: boolean;
    };
    return (
      body.service === 'dms-tui-sandbox' && !body.closing && (pid === undefined || body.pid === pid)
    );
  } catch {
    return false;
  }
}

/** GETs a small http:// answer (at most 64 KiB) within timeoutMs; rejects on a status ≠ 200. */
function getText(url: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = get(url, { timeout: timeoutMs, signal: AbortSignal.timeout(timeoutMs) }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode}`));
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.length > 65_536) req.destroy(new Error('answer too long'));
      });
      res.on('end', () => resolve(text));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
  });
}

export function withoutSecrets(spec: ConnectionSpec): ConnectionSpec {
  const { password: _password, ...rest } = spec;
  return rest;
}
