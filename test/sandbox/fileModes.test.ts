// The sandbox's data dir is private (issue 10 item 13): directories 0700, files 0600, for a new
// data dir, for files left open by an earlier version or by PGlite, and never through a link.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateEndpointCommand } from '@aws-sdk/client-database-migration-service';
import { afterEach, describe, expect, it } from 'vitest';
import { privateDataDir, privateTree } from '../../src/sandbox/fileModes.js';
import { openEntries } from './support/modes.js';
import { startTestSandbox } from '../support/sandbox.js';

const mode = (path: string) => (statSync(path).mode & 0o7777).toString(8);
const made: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmst-modes-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data dir as an earlier sandbox (and PGlite) left it: everything readable by everyone. */
function openDataDir(root: string): string {
  const dir = join(root, 'sandbox');
  mkdirSync(join(dir, 'demo', 'source', 'base', '1'), { recursive: true });
  for (const [file, m] of [
    ['state.json', 0o644],
    ['sandbox.json', 0o644],
    ['sandbox.log', 0o666],
    ['demo/source/PG_VERSION', 0o666],
    ['demo/source/base/1/1259', 0o666],
  ] as const) {
    writeFileSync(join(dir, file), '{}');
    chmodSync(join(dir, file), m);
  }
  for (const d of ['', 'demo', 'demo/source', 'demo/source/base', 'demo/source/base/1'])
    chmodSync(join(dir, d), 0o755);
  return dir;
}

describe('private data dir', () => {
  it('privateDataDir closes an existing data dir, its own files and the demo tree', () => {
    const dir = openDataDir(scratch());
    writeFileSync(join(dir, 'notes.sh'), '#!/bin/sh\n');
    chmodSync(join(dir, 'notes.sh'), 0o755);
    privateDataDir(dir);
    const result = openEntries(dir);
    // Only the file the sandbox did not write keeps its mode (it is behind a 0700 dir now).
    expect(result.open).toEqual(['notes.sh 755']);
    expect(result.files).toBe(6);
  });

  it('does not follow a symbolic link out of the tree', () => {
    const root = scratch();
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'x');
    chmodSync(outside, 0o644);
    const tree = join(root, 'demo');
    mkdirSync(tree);
    symlinkSync(outside, join(tree, 'link'));
    privateTree(tree);
    expect(mode(outside)).toBe('644');
    expect(mode(tree)).toBe('700');
  });

  it('leaves a shared sticky directory alone but still makes its own files private', () => {
    const root = scratch();
    const shared = join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    writeFileSync(join(shared, 'state.json'), '{}');
    chmodSync(join(shared, 'state.json'), 0o644);
    privateDataDir(shared);
    expect(mode(shared)).toBe('1777');
    expect(mode(join(shared, 'state.json'))).toBe('600');
  });

  it('a sandbox creates a missing data dir 0700 and writes state.json 0600', async () => {
    const dataDir = join(scratch(), 'new', 'sandbox');
    const t = await startTestSandbox({ dataDir });
    try {
      await t.dms.send(
        new CreateEndpointCommand({
          EndpointIdentifier: 'modes',
          EndpointType: 'source',
          EngineName: 'postgres',
          Password: 'secret',
        }),
      );
    } finally {
      await t.close(true);
    }
    expect(mode(dataDir)).toBe('700');
    expect(mode(join(dataDir, 'state.json'))).toBe('600');
  });

  it('a sandbox started on an old open data dir makes it private', async () => {
    const dataDir = openDataDir(scratch());
    writeFileSync(join(dataDir, 'state.json'), JSON.stringify({ version: 1 }));
    const t = await startTestSandbox({ dataDir });
    await t.close(true);
    expect(openEntries(dataDir).open).toEqual([]);
  });
});
