// The secrets check: after a test, no password appears in any file under the config dir
// (unless "remember" was chosen for it), nor in captured output.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** The files under dir that contain the secret. */
export function filesContaining(dir: string, secret: string): string[] {
  return filesUnder(dir).filter((f) => readFileSync(f, 'utf8').includes(secret));
}

export function fileMode(path: string): number {
  return statSync(path).mode & 0o777;
}
