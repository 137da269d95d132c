// The demo endpoints are made once and follow the demo databases' ports.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConnectionSpec } from '../../src/model/connection.js';
import { ensureDemoEndpoints } from '../../src/sandbox/demoEndpoints.js';
import { emptyState } from '../../src/sandbox/state.js';
import { createStore, loadState } from '../../src/sandbox/store.js';

const dir = mkdtempSync(join(tmpdir(), 'dmst-demo-ep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = (port: number): ConnectionSpec => ({
  engine: 'postgres',
  host: '127.0.0.1',
  port,
  database: 'postgres',
  user: 'postgres',
  sslMode: 'none',
});

describe('demo endpoints', () => {
  it('creates demo-source and demo-target once and updates their ports', async () => {
    const store = createStore(dir, emptyState());
    ensureDemoEndpoints(store, { source: spec(18591), target: spec(18592) });
    ensureDemoEndpoints(store, { source: spec(20001), target: spec(20002) });
    await store.flush();
    const state = loadState(dir);
    expect(state.endpoints.map((e) => [e.identifier, e.type, e.port])).toEqual([
      ['demo-source', 'source', 20001],
      ['demo-target', 'target', 20002],
    ]);
  });
});
