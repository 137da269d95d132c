// The preflight checklist from facts (src/model/preflight.ts): what passes, warns and fails,
// and what to do.
import { describe, expect, it } from 'vitest';
import {
  checklistLines,
  type PreflightFacts,
  preflightChecks,
  preflightSettings,
  preflightVerdict,
  type TableFacts,
} from '../../src/model/preflight.js';

const table = (over: Partial<TableFacts> = {}): TableFacts => ({
  name: 'app.orders',
  target: 'app.orders',
  hasKey: true,
  lobColumns: [],
  notNullLobColumns: [],
  unsupported: [],
  rows: 1000,
  bytes: 65536,
  targetRows: null,
  ...over,
});

const facts = (over: Partial<PreflightFacts> = {}): PreflightFacts => ({
  migrationType: 'full-load',
  validation: false,
  prepMode: 'DROP_AND_CREATE',
  lob: { kind: 'limited', maxKb: 32 },
  source: { ok: true, label: 'src:5432/app' },
  target: { ok: true, label: 'dst:3306' },
  missingTables: [],
  tables: [table()],
  targetSchemas: [{ name: 'app', exists: true }],
  ...over,
});

const byId = (f: PreflightFacts) => Object.fromEntries(preflightChecks(f).map((c) => [c.id, c]));

describe('preflightChecks', () => {
  it('passes a clean full load and estimates its size', () => {
    const checks = preflightChecks(facts());
    expect(preflightVerdict(checks)).toBe('pass');
    expect(byId(facts()).size?.detail).toBe("About 1,000 rows, 64.0 KB (the source's statistics)");
  });

  it('stops at a source it cannot reach', () => {
    const f = facts({ source: { ok: false, error: 'ECONNREFUSED', label: 'src:5432/app' } });
    const checks = preflightChecks(f);
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['source', 'fail'],
      ['target', 'pass'],
    ]);
    expect(checks[0]?.fix).toMatch(/host, port, user and password/);
  });

  it('fails missing tables, truncated LOBs, NOT NULL LOBs excluded and rows kept by DO_NOTHING', () => {
    expect(byId(facts({ missingTables: ['app.nope'] })).tables?.status).toBe('fail');
    const lobs = facts({
      tables: [table({ lobColumns: ['body'] })],
      largestLob: { bytes: 80 * 1024, where: 'app.orders.body', unmeasured: 0 },
    });
    expect(byId(lobs).lobs).toMatchObject({
      status: 'fail',
      fix: 'Raise LobMaxSize to at least 80 KB, or use full LOB mode',
    });
    const excluded = facts({
      lob: { kind: 'none' },
      tables: [table({ lobColumns: ['body'], notNullLobColumns: ['body'] })],
    });
    expect(byId(excluded)['lob-not-null']?.status).toBe('fail');
    expect(byId(excluded).lobs?.status).toBe('warn');
    const kept = facts({ prepMode: 'DO_NOTHING', tables: [table({ targetRows: 12 })] });
    expect(byId(kept)['target-rows']?.status).toBe('fail');
    const truncated = facts({
      prepMode: 'TRUNCATE_BEFORE_LOAD',
      tables: [table({ targetRows: 12 })],
    });
    expect(byId(truncated)['target-rows']?.status).toBe('warn');
  });

  it('warns about tables without a key only when CDC or validation needs one', () => {
    const noKey = [table({ hasKey: false })];
    expect(byId(facts({ tables: noKey })).keys?.status).toBe('pass');
    expect(byId(facts({ tables: noKey, validation: true })).keys?.detail).toContain(
      'validation skips them',
    );
    expect(byId(facts({ tables: noKey, migrationType: 'cdc' })).keys?.status).toBe('warn');
  });

  it('checks the CDC prerequisites of CDC tasks only', () => {
    expect(byId(facts()).cdc).toBeUndefined();
    const cdc = facts({
      migrationType: 'full-load-and-cdc',
      cdc: {
        family: 'postgres',
        walLevel: 'replica',
        replicationPrivilege: true,
        tablesWithoutKey: [],
        tablesWithoutKeyCount: 0,
      },
    });
    expect(byId(cdc).cdc).toMatchObject({ status: 'fail' });
    expect(byId(cdc).cdc?.detail).toContain('wal_level is replica');
  });

  it('warns about a missing target schema unless DMS creates it', () => {
    const missing = { targetSchemas: [{ name: 'app', exists: false }] };
    expect(byId(facts(missing))['target-schema']?.status).toBe('pass');
    expect(byId(facts({ ...missing, prepMode: 'DO_NOTHING' }))['target-schema']?.status).toBe(
      'warn',
    );
  });
});

describe('preflightSettings and lines', () => {
  it('reads the task settings with DMS defaults', () => {
    expect(preflightSettings('full-load', {})).toEqual({
      migrationType: 'full-load',
      validation: false,
      prepMode: 'DO_NOTHING',
      lob: { kind: 'limited', maxKb: 32 },
    });
    expect(
      preflightSettings('cdc', {
        TargetMetadata: { SupportLobs: false },
        ValidationSettings: { EnableValidation: true },
      }),
    ).toMatchObject({ migrationType: 'cdc', validation: true, lob: { kind: 'none' } });
  });
  it('prints one line per check with what to do', () => {
    const lines = checklistLines(preflightChecks(facts({ missingTables: ['app.nope'] })));
    expect(lines).toContain(
      'FAIL  Selected tables    app.nope does not exist at the source → Correct the selection rules (names are case-sensitive)',
    );
  });
});
