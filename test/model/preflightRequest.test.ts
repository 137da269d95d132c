import { describe, expect, it } from 'vitest';
import {
  formPreflightRequest,
  preflightProjectProblem,
  preflightRequest,
  preflightRequestFromOptions,
} from '../../src/model/preflightRequest.js';
import { initialValues } from '../../src/model/taskFormState.js';
import { checklistView, verdictLine, wrapText } from '../../src/model/preflightView.js';
import type { PreflightCheck } from '../../src/model/preflight.js';

const rows = [{ action: 'include' as const, schema: 'sales', table: 'order%' }];

describe('preflight requests', () => {
  it('reads a task as DMS describes it, with DMS defaults', () => {
    expect(
      preflightRequest({
        migrationType: 'cdc',
        settings:
          '{"TargetMetadata":{"SupportLobs":false},"ValidationSettings":{"EnableValidation":true}}',
        tableMappings: '{"rules":[]}',
      }),
    ).toEqual({
      migrationType: 'cdc',
      validation: true,
      prepMode: 'DO_NOTHING',
      lob: { kind: 'none' },
      rules: [],
    });
    expect(preflightRequest({ migrationType: 'full-load', settings: 'bad' }).lob).toEqual({
      kind: 'limited',
      maxKb: 32,
    });
  });

  it("reads options through the task they would create (the form's defaults)", () => {
    const request = preflightRequestFromOptions({
      migrationType: 'full-load',
      tablePrepMode: 'DROP_AND_CREATE',
      lobMode: 'limited',
      lobKb: 64,
      validation: 'off',
      mappings: rows,
    });
    expect(request).toMatchObject({
      prepMode: 'DROP_AND_CREATE',
      lob: { kind: 'limited', maxKb: 64 },
      validation: false,
    });
    expect(request.rules[0]).toMatchObject({
      'object-locator': { 'schema-name': 'sales', 'table-name': 'order%' },
    });
  });

  it("reads the form's values, or names the field it cannot read", () => {
    const values = initialValues({ name: 't', mappings: rows });
    const ok = formPreflightRequest({ ...values, lobMaxKb: '8', validation: 'on' });
    expect(ok.ok && ok.request).toMatchObject({ lob: { maxKb: 8 }, validation: true });
    expect(formPreflightRequest({ ...values, lobMaxKb: 'x' })).toMatchObject({
      ok: false,
      field: 'lobSize',
    });
    expect(formPreflightRequest({ ...values, mappings: [] })).toMatchObject({
      ok: false,
      field: 'mappings',
    });
  });

  it('says what a project lacks', () => {
    const spec = {
      engine: 'postgres' as const,
      host: 'h',
      port: 5432,
      database: 'd',
      user: 'u',
      sslMode: 'none' as const,
    };
    expect(preflightProjectProblem(undefined)).toContain('open one on :project');
    expect(
      preflightProjectProblem({ name: 'p', profile: '', source: null, target: null }),
    ).toContain('has no source and no target connection: add them');
    expect(
      preflightProjectProblem({ name: 'p', profile: '', source: spec, target: spec }),
    ).toBeNull();
  });
});

describe('the checklist view', () => {
  const checks: PreflightCheck[] = [
    { id: 'a', title: 'Source connection', status: 'pass', detail: 'Connected' },
    {
      id: 'b',
      title: 'LOB columns',
      status: 'fail',
      detail: 'values would be truncated '.repeat(4).trim(),
      fix: 'Raise LobMaxSize',
    },
    { id: 'c', title: 'Primary keys', status: 'warn', detail: 'one table' },
  ];

  it('says the verdict in words', () => {
    expect(verdictLine(checks, 'fail')).toBe(
      'Verdict: FAIL · 1 check failed, 1 warning · 3 checks',
    );
    expect(verdictLine(checks.slice(0, 1), 'pass')).toBe(
      'Verdict: PASS · every check passed · 1 check',
    );
  });

  it('wraps every line to the width, with what to do under a failure', () => {
    const lines = checklistView(checks, 40);
    for (const l of lines) expect(l.text.length).toBeLessThanOrEqual(40);
    expect(lines.map((l) => l.text)).toContain('        → Raise LobMaxSize');
    expect(lines.filter((l) => l.fix)).toHaveLength(1);
    expect(wrapText('x'.repeat(20), 8)).toEqual(['xxxxxxxx', 'xxxxxxxx', 'xxxx']);
  });
});
