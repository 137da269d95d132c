// `dms-tui preflight TASK --project P` against real databases: a PostgreSQL source and a
// MariaDB target reached through a saved project (isolated config dir), tasks in an in-process
// sandbox. A clean task passes (exit 0); one with a missing table, a LOB larger than LobMaxSize,
// a table without a key for CDC and target rows kept by DO_NOTHING fails (exit 1) naming each.
import { runCommand } from '../support/commandRun.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/commands/io.js';
import { openProjects } from '../../src/config/projects.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const ready = pg.ok && my.ok;
const schema = uniqueName('dmst_pre');
const ENV = {
  AWS_ACCESS_KEY_ID: 'SANDBOXACCESSKEY',
  AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
  AWS_REGION: 'us-east-1',
};
let sb: TestSandbox;
let pgc: DbConnection;
let myc: DbConnection;
let configDir: string;
const savedConfigDir = process.env.DMS_TUI_CONFIG_DIR;

async function cli(...args: string[]) {
  return runCommand('preflight', [...args, '--endpoint-url', sb.url], { env: ENV });
}

const select = (table: string, id: string) => ({
  'rule-type': 'selection',
  'rule-id': id,
  'rule-name': `r${id}`,
  'object-locator': { 'schema-name': schema, 'table-name': table },
  'rule-action': 'include',
});

beforeAll(async () => {
  if (!ready) return;
  Object.assign(process.env, ENV);
  delete process.env.AWS_PROFILE;
  configDir = mkdtempSync(join(tmpdir(), 'dmst-pre-'));
  process.env.DMS_TUI_CONFIG_DIR = configDir;
  sb = await startTestSandbox({ endpoints: true });
  pgc = await openConnection(pg.spec);
  myc = await openConnection(my.spec);
  await pgc.query(`CREATE SCHEMA ${schema}`);
  await pgc.query(`CREATE TABLE ${schema}.orders (id int PRIMARY KEY, note varchar(40))`);
  await pgc.query(`INSERT INTO ${schema}.orders SELECT g, 'n' FROM generate_series(1, 50) g`);
  await pgc.query(`CREATE TABLE ${schema}.docs (id int PRIMARY KEY, body text NOT NULL)`);
  await pgc.query(`INSERT INTO ${schema}.docs VALUES (1, repeat('x', 5000))`);
  await pgc.query(`CREATE TABLE ${schema}.events (at timestamptz, what text)`);
  await pgc.query(`ANALYZE ${schema}.orders`);
  await myc.query(`CREATE DATABASE \`${schema}\``);
  await myc.query(`CREATE TABLE \`${schema}\`.orders (id int PRIMARY KEY, note varchar(40))`);
  await myc.query(`INSERT INTO \`${schema}\`.orders VALUES (1, 'old')`);
  openProjects().create({
    name: 'pre',
    profile: 'sandbox',
    source: { ...pg.spec },
    target: { ...my.spec },
  });
}, 60_000);

afterAll(async () => {
  if (!ready) return;
  await sb.close();
  await pgc.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await myc.query(`DROP DATABASE IF EXISTS \`${schema}\``);
  await pgc.close();
  await myc.close();
  rmSync(configDir, { recursive: true, force: true });
  if (savedConfigDir === undefined) delete process.env.DMS_TUI_CONFIG_DIR;
  else process.env.DMS_TUI_CONFIG_DIR = savedConfigDir;
});

describe.skipIf(!ready)('dms-tui preflight', () => {
  it('passes a task the databases are ready for', async () => {
    await sb.createTask('pre-clean', {
      tables: JSON.stringify({ rules: [select('orders', '1')] }),
      settings: JSON.stringify({ FullLoadSettings: { TargetTablePrepMode: 'DROP_AND_CREATE' } }),
    });
    const out = await cli('pre-clean', '--project', 'pre');
    expect(out.stderr).toBe('');
    expect(out.code).toBe(EXIT.ok);
    expect(out.stdout).toMatch(/^PASS {2}Source connection +Connected to 127\.0\.0\.1:5432/m);
    expect(out.stdout).toMatch(/^PASS {2}Selected tables +1 table selected$/m);
    expect(out.stdout).toMatch(/^PASS {2}Estimated size +About 50 rows/m);
    expect(out.stdout.trim().split('\n').pop()).toBe('pre-clean: pass');
  });

  it('fails with what to do when the task would lose or refuse data', async () => {
    await sb.createTask('pre-bad', {
      type: 'full-load-and-cdc',
      tables: JSON.stringify({
        rules: [
          select('orders', '1'),
          select('docs', '2'),
          select('events', '3'),
          select('gone', '4'),
        ],
      }),
      settings: JSON.stringify({
        FullLoadSettings: { TargetTablePrepMode: 'DO_NOTHING' },
        TargetMetadata: { LobMaxSize: 1 },
      }),
    });
    const out = await cli('pre-bad', '--project', 'pre');
    expect(out.code).toBe(1);
    const line = (title: string) =>
      out.stdout.split('\n').find((l) => l.slice(6).startsWith(title)) ?? '';
    expect(line('Selected tables')).toMatch(/^FAIL .*gone does not exist at the source/);
    expect(line('Primary keys')).toMatch(/^WARN .*events \(CDC replicates only their inserts\)/);
    expect(line('LOB columns')).toMatch(/^FAIL .*the largest value is 4\.9 KB .*docs\.body/);
    expect(line('LOB columns')).toContain('Raise LobMaxSize to at least 5 KB');
    expect(line('Target tables')).toMatch(/^FAIL .*orders \(1 row\) already hold rows/);
    expect(line('CDC prerequisites')).toMatch(/^PASS /);
    const json = JSON.parse((await cli('pre-bad', '--project', 'pre', '--output', 'json')).stdout);
    expect(json.verdict).toBe('fail');
    expect(json.checks.map((c: { id: string }) => c.id)).toContain('target-rows');
  });

  it('checks a task not created yet from --select and options, with no AWS call', async () => {
    // No --endpoint-url: without a TASK nothing goes to AWS (no sandbox is even looked for).
    const run = (...args: string[]) => runCommand('preflight', args, { env: ENV });
    const pass = await run('--project', 'pre', '--select', `${schema}.ord%`);
    expect(pass.stderr).toBe('');
    expect(pass.code).toBe(EXIT.ok);
    expect(pass.stdout).toMatch(/^PASS {2}Selected tables +1 table selected$/m);
    expect(pass.stdout.trim().split('\n').pop()).toBe(`${schema}.ord%: pass`);

    const fail = await run(
      '--project',
      'pre',
      '--select',
      `${schema}.%`,
      '--select',
      `!${schema}.events`,
      '--select',
      `${schema}.gone`,
      '--migration-type',
      'full-load-and-cdc',
      '--target-prep',
      'do-nothing',
      '--lob-max-kb',
      '1',
      '--output',
      'json',
    );
    expect(fail.code).toBe(1);
    const json = JSON.parse(fail.stdout);
    expect(json.verdict).toBe('fail');
    expect(json.select).toEqual([`${schema}.%`, `!${schema}.events`, `${schema}.gone`]);
    const byId = (id: string) => json.checks.find((c: { id: string }) => c.id === id);
    expect(byId('tables')).toMatchObject({ status: 'fail' });
    expect(byId('tables').detail).toContain(`${schema}.gone does not exist`);
    expect(byId('lobs')).toMatchObject({ status: 'fail' });
    expect(byId('target-rows')).toMatchObject({ status: 'fail' });
    // events is excluded: every selected table has a key.
    expect(byId('keys')).toMatchObject({ status: 'pass' });
    expect(byId('cdc')).toMatchObject({ status: 'pass' });
  });

  it('says which option is wrong, exit 2', async () => {
    const run = (...args: string[]) => runCommand('preflight', args, { env: ENV });
    const cases: [string[], string][] = [
      [['--project', 'pre'], 'needs --select'],
      [['--project', 'pre', '--select', 'nodot'], '--select takes schema.table patterns'],
      [
        ['--project', 'pre', '--select', 'a.b', '--migration-type', 'cdc-only'],
        '--migration-type is full-load, cdc, full-load-and-cdc',
      ],
      [
        ['--project', 'pre', '--select', 'a.b', '--lob-mode', 'huge'],
        '--lob-mode is none, limited, full',
      ],
      [
        ['--project', 'pre', '--select', 'a.b', '--lob-max-kb', 'x'],
        '--lob-max-kb: Max LOB size (KB) must be a whole number',
      ],
      [
        ['--project', 'pre', '--select', 'a.b', '--target-prep', 'wipe'],
        '--target-prep is drop, truncate or do-nothing',
      ],
      [['pre-clean', '--project', 'pre', '--select', 'a.b'], 'give them without TASK'],
      [['--select', 'a.b'], 'add --project NAME'],
      [['--project', 'nope', '--select', 'a.b'], 'no project named "nope"'],
    ];
    for (const [args, message] of cases) {
      const out = await run(...args);
      expect(out.code, args.join(' ')).toBe(EXIT.usage);
      expect(out.stderr.split('\n')[0], args.join(' ')).toContain(message);
      expect(out.stdout).toBe('');
    }
    const stats = await runCommand('stats', ['t', '--select', 'a.b'], { env: ENV });
    expect(stats.code).toBe(EXIT.usage);
    expect(stats.stderr).toContain('go with preflight');
  });

  it('needs a project for the database connections', async () => {
    const out = await cli('pre-clean');
    expect(out.code).toBe(EXIT.usage);
    expect(out.stderr).toContain('add --project NAME');
  });
});
