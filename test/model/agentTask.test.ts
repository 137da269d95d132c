import { describe, expect, it } from 'vitest';
import {
  overallPercent,
  rateText,
  tableKey,
  tableProgress,
} from '../../src/model/agentProgress.js';
import { parseSourceUrl, selectionRows } from '../../src/model/agentSelection.js';
import {
  actionRefusal,
  advance,
  type AgentTaskRecord,
  type AgentTaskSpec,
  agentTaskNameError,
  newTaskRecord,
  objectKey,
  partitionPrefix,
  waitingText,
} from '../../src/model/agentTask.js';
import { needsPassword } from '../../src/model/agentView.js';

const spec: AgentTaskSpec = {
  name: 'big-copy',
  source: { engine: 'postgres', host: 'h', port: 5432, database: 'd', user: 'u', sslMode: 'none' },
  select: ['public.%'],
  bucket: 'b',
  folder: 'stage/',
  targetEndpoint: 'tgt',
  instance: 'inst',
  roleArn: '',
  format: 'csv.gz',
  maxFileBytes: 64 << 20,
  parallel: 4,
  rowsPerPartition: 100_000,
  nullMarker: '\\N',
  aws: {},
};
const NOW = '2026-11-30T08:00:00.000Z';

describe('agent task states', () => {
  it('start → extracting → extracted → loading → loaded → completed', () => {
    let r = newTaskRecord(spec, NOW);
    expect(actionRefusal(r, 'stop')).toMatch(/has not started/);
    expect(actionRefusal(r, 'start')).toBeNull();
    r = advance(r, { kind: 'start' }, NOW);
    expect([r.state, r.local.state]).toEqual(['extracting', 'running']);
    expect(actionRefusal(r, 'delete')).toMatch(/stop it first/);
    r = advance(r, { kind: 'extracted' }, NOW);
    expect([r.state, r.local.state, r.dms.state]).toEqual(['loading', 'done', 'pending']);
    r = advance(r, { kind: 'loaded' }, NOW);
    expect([r.state, r.dms.state, r.dms.percent]).toEqual(['completed', 'done', 100]);
    expect(actionRefusal(r, 'delete')).toBeNull();
  });

  it('stop pauses at a partition boundary; resume goes on extracting', () => {
    let r = advance(newTaskRecord(spec, NOW), { kind: 'start' }, NOW);
    r = advance(r, { kind: 'stop' }, NOW);
    expect(r.state).toBe('stopping');
    expect(actionRefusal(r, 'stop')).toMatch(/partition boundary/);
    r = advance(r, { kind: 'stopped' }, NOW);
    expect([r.state, r.local.state]).toEqual(['stopped', 'stopped']);
    r = advance(r, { kind: 'resume' }, NOW);
    expect(r.state).toBe('extracting');
  });

  it('a failure in the DMS subtask keeps the local subtask done, and resume goes back to loading', () => {
    let r = advance(newTaskRecord(spec, NOW), { kind: 'start' }, NOW);
    r = advance(r, { kind: 'extracted' }, NOW);
    r = advance(r, { kind: 'failed', error: 'endpoint refused' }, NOW);
    expect([r.state, r.local.state, r.dms.state, r.dms.error]).toEqual([
      'failed',
      'done',
      'failed',
      'endpoint refused',
    ]);
    r = advance(r, { kind: 'resume' }, NOW);
    expect(r.state).toBe('loading');
  });

  it('an agent that died while stopping comes back stopped', () => {
    let r = advance(newTaskRecord(spec, NOW), { kind: 'start' }, NOW);
    r = advance(r, { kind: 'stop' }, NOW);
    expect(advance(r, { kind: 'recovered' }, NOW).state).toBe('stopped');
  });

  it('a source that needs the password the agent lost: waiting, then resume goes on extracting', () => {
    let r: AgentTaskRecord = {
      ...advance(newTaskRecord(spec, NOW), { kind: 'start' }, NOW),
      passwordNeeded: true,
    };
    expect(needsPassword(r, true)).toBe(false);
    expect(needsPassword(r, false)).toBe(true);
    r = advance(r, { kind: 'needsPassword', error: 'Authentication failed' }, NOW);
    expect([r.state, r.local.state, r.error]).toEqual([
      'waiting',
      'stopped',
      'Authentication failed',
    ]);
    // Waiting asks for the password even if the agent found one (it was refused).
    expect(needsPassword(r, true)).toBe(true);
    expect(actionRefusal(r, 'stop')).toMatch(/waiting for the source password/);
    expect(actionRefusal(r, 'resume')).toBeNull();
    expect(actionRefusal(r, 'delete')).toBeNull();
    r = advance(r, { kind: 'resume' }, NOW);
    expect([r.state, r.error]).toEqual(['extracting', undefined]);
    // Once every partition is in S3 the source is not read again: no password needed.
    r = advance(r, { kind: 'extracted' }, NOW);
    expect(needsPassword(r, false)).toBe(false);
    expect(advance(r, { kind: 'needsPassword' }, NOW).state).toBe('loading');
    expect(waitingText('big-copy')).toContain('dms-tui agent-task resume big-copy');
  });

  it('names and deterministic object keys', () => {
    expect(agentTaskNameError('big-copy')).toBeNull();
    expect(agentTaskNameError('1x')).toMatch(/start with a letter/);
    expect(agentTaskNameError('a--b')).not.toBeNull();
    expect(objectKey(spec, 'public', 'orders', 0, 0)).toBe(
      'stage/public/orders/LOAD00000000.csv.gz',
    );
    expect(objectKey(spec, 'public', 'orders', 26, 3)).toBe(
      'stage/public/orders/LOAD001A0003.csv.gz',
    );
    expect(partitionPrefix({ folder: '' }, 's', 't', 1)).toBe('s/t/LOAD0001');
  });
});

function withTable(done: number, total: number, rows: number, estimate: number): AgentTaskRecord {
  const r = advance(newTaskRecord(spec, NOW), { kind: 'start' }, NOW);
  r.local.tables = [
    {
      schema: 's',
      table: 't',
      columns: [],
      primaryKey: [],
      estimatedRows: estimate,
      activeMs: 2000,
      plan: {
        column: 'id',
        partitions: Array.from({ length: total }, (_, i) => ({
          index: i,
          lower: null,
          upper: null,
          nulls: false,
        })),
      },
      done: Array.from({ length: done }, (_, i) => ({
        index: i,
        rows: rows / Math.max(1, done),
        bytes: 10,
        objects: [],
      })),
    },
  ];
  return r;
}

describe('agent progress', () => {
  it('0–50 % is rows of the estimate, never 50 until the local subtask is done', () => {
    expect(overallPercent(withTable(0, 4, 0, 1000))).toBe(0);
    expect(overallPercent(withTable(2, 4, 500, 1000))).toBe(25);
    // The estimate was low: rows beyond it never pass 49.
    expect(overallPercent(withTable(3, 4, 5000, 1000))).toBe(49);
    const extracted = advance(withTable(4, 4, 1000, 1000), { kind: 'extracted' }, NOW);
    expect(overallPercent(extracted)).toBe(50);
    expect(overallPercent({ ...extracted, dms: { ...extracted.dms, percent: 60 } })).toBe(80);
    expect(overallPercent(advance(extracted, { kind: 'loaded' }, NOW))).toBe(100);
  });

  it('per table: partitions, rows, bytes, rows/s and ETA', () => {
    const t = withTable(1, 4, 1000, 4000).local.tables[0];
    if (!t) throw new Error('no table');
    expect(tableProgress(t)).toMatchObject({
      partitionsDone: 1,
      partitionsTotal: 4,
      rows: 1000,
      bytes: 10,
      rowsPerSecond: 500,
      etaSeconds: 6,
    });
    // Partitions in flight count too: rows and bytes read so far, and their time.
    const live = new Map([[tableKey(t), { rows: 1000, bytes: 5, activeMs: 2000 }]]);
    expect(tableProgress(t, live)).toMatchObject({
      partitionsDone: 1,
      rows: 2000,
      bytes: 15,
      rowsPerSecond: 500,
      etaSeconds: 4,
    });
    expect(overallPercent(withTable(0, 1, 0, 4000), live)).toBe(12);
    expect(overallPercent(withTable(0, 1, 0, 4000), new Map())).toBe(0);
    expect(rateText(500)).toBe('500 rows/s');
    expect(rateText(12_345)).toBe('12.3 k rows/s');
    expect(rateText(null)).toBe('—');
  });
});

describe('agent selection and source', () => {
  it('--select patterns become include/exclude rules', () => {
    expect(selectionRows(['public.order%', '!public.order_audit'])).toEqual([
      { action: 'include', schema: 'public', table: 'order%' },
      { action: 'exclude', schema: 'public', table: 'order_audit' },
    ]);
    expect(selectionRows(['orders'])).toEqual({ error: expect.stringMatching(/schema.table/) });
    expect(selectionRows(['!a.b'])).toEqual({ error: expect.stringMatching(/must include/) });
  });

  it('--source URLs; a password in one is refused', () => {
    expect(parseSourceUrl('postgres://app@db.example:6543/sales?sslmode=require')).toEqual({
      engine: 'postgres',
      host: 'db.example',
      port: 6543,
      database: 'sales',
      user: 'app',
      sslMode: 'require',
    });
    expect(parseSourceUrl('mysql://127.0.0.1/test')).toMatchObject({
      engine: 'mysql',
      port: 3306,
      user: 'root',
    });
    expect(parseSourceUrl('mysql://root:secret@h/db')).toEqual({
      error: expect.stringMatching(/no password/),
    });
    expect(parseSourceUrl('oracle://h/db')).toEqual({
      error: expect.stringMatching(/postgres:\/\//),
    });
  });
});
