// The Agent screen against a real agent process, the in-process sandbox (its S3 and its DMS with
// the s3 source engine) and the local PostgreSQL: start the agent from the screen, start a Local
// & DMS task, watch it reach 100 % with its per-table detail, read both log tabs, delete it, and
// stop the agent.
import {
  CreateEndpointCommand,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopAgent } from '../../src/agent/launcher.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { App } from '../../src/shell/App.js';
import { agentTask, agentTaskCli, startTestAgent } from '../agent/helpers.js';
import { waitFor } from '../support/wait.js';
import { agentCliArgs } from '../agent/support.js';
import { renderInk } from '../support/ink.js';
import {
  sandboxServices,
  startTestSandbox,
  type TestSandbox,
  uniqueName,
} from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';

const pg = await serverAvailable('postgres');
const root = mkdtempSync(join(tmpdir(), 'agent-screen-'));
const dir = join(root, 'agent');
const schema = uniqueName('agscr').replace(/-/g, '_');
let sb: TestSandbox;
let conn: DbConnection;

describe.skipIf(!pg.ok)(`the Agent screen (${pg.reason})`, () => {
  beforeAll(async () => {
    sb = await startTestSandbox();
    conn = await openConnection(pg.spec);
    await conn.query(`CREATE SCHEMA ${schema}`);
    await conn.query(`CREATE TABLE ${schema}.orders (id int PRIMARY KEY, note text)`);
    await conn.query(
      `INSERT INTO ${schema}.orders SELECT g, 'n' || g FROM generate_series(1, 1500) g`,
    );
    await conn.query(`ANALYZE ${schema}.orders`);
    await conn.query(`CREATE TABLE ${schema}.notes_nokey (note text)`);
    await conn.query(
      `INSERT INTO ${schema}.notes_nokey SELECT 'x' || g FROM generate_series(1, 20) g`,
    );
    await conn.query(`ANALYZE ${schema}.notes_nokey`);
    await sb.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: 'agscr-target',
        EndpointType: 'target',
        EngineName: 'postgres',
        ServerName: pg.spec.host,
        Port: pg.spec.port,
        DatabaseName: pg.spec.database,
        Username: pg.spec.user,
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await stopAgent(dir).catch(() => undefined);
    await stopAgent(join(root, 'pw')).catch(() => undefined);
    await sb?.close();
    await conn?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await conn?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('start the agent, run a task to 100 % with per-table detail and both logs, delete it, stop the agent', async () => {
    const app = renderInk(
      <App
        services={sandboxServices(sb, { agent: { dir, cliArgs: agentCliArgs } })}
        initialRoute={{ screen: 'agent' }}
      />,
    );
    await app.waitForText('Agent not running');
    await app.pressCommand('agent.startAgent');
    await app.waitForText(/Agent running · pid \d+/, 30_000);
    await app.waitForText('No agent tasks');

    const instances = await sb.dms.send(new DescribeReplicationInstancesCommand({}));
    const url = `postgres://${pg.spec.user}@${pg.spec.host}:${pg.spec.port}/${pg.spec.database}`;
    const created = await agentTaskCli(sb, 'agent-task', [
      'create',
      'screen-task',
      '--source',
      url,
      '--select',
      `${schema}.orders`,
      '--select',
      `${schema}.notes_nokey`,
      '--bucket',
      'screen',
      '--target-endpoint',
      'agscr-target',
      '--instance',
      instances.ReplicationInstances?.[0]?.ReplicationInstanceIdentifier ?? '',
      '--sandbox',
      '--rows-per-partition',
      '500',
      '--data-dir',
      dir,
    ]);
    expect(created.stderr).toBe('');
    await app.waitForText('Not started: s starts it');
    await app.pressCommand('agent.taskStart');
    const done = await app.waitForText(/completed.*100%/, 60_000);
    expect(done).toMatch(new RegExp(`${schema}\\.orders\\s+3/3\\s+1,500/1,500`));
    expect(done).toContain('partitions 4/4');
    // A table without a key is one partition, and the screen says why.
    expect(done).toMatch(new RegExp(`${schema}\\.notes_nokey\\s+1/1\\s+20/`));
    expect(done).toContain('no primary or unique key: extracted as one partition');
    expect(done).toMatch(/Agent log/);
    expect(done).toMatch(/agent started/);
    await app.pressCommand('agent.logTab');
    await app.waitForText('Task log (screen-task)');
    await app.waitForText('DMS subtask done: the target is loaded (100 %)');

    await app.pressCommand('agent.taskDelete');
    await app.waitForText('Delete agent task screen-task?');
    await app.press('enter');
    await app.waitForText('No agent tasks', 30_000);

    await app.pressCommand('agent.stopAgent');
    await app.waitForText('Agent not running', 30_000);
    const { rows } = await conn.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.orders`);
    expect(Number(rows[0]?.n)).toBe(1500);
  });

  it('the Create agent task form (from the browser’s marks) checks its fields, hands the task to the agent and opens :agent at 100 %', async () => {
    const instances = await sb.dms.send(new DescribeReplicationInstancesCommand({}));
    const project = { name: 'agscr', profile: 'sandbox', source: pg.spec, target: null };
    const app = renderInk(
      <App
        services={sandboxServices(sb, { agent: { dir, cliArgs: agentCliArgs }, project })}
        initialRoute={{
          screen: 'agentTaskForm',
          params: { selection: { schemas: [], tables: [{ schema, table: 'orders' }] } },
        }}
      />,
    );
    await app.waitForText(`Create agent task: include ${schema}.orders`);
    await app.waitForText('must trust dms.amazonaws.com and allow s3:GetObject');
    await app.pressCommand('form.create');
    await app.waitForText('the target endpoint (identifier or ARN) DMS loads into');
    // The instance is filled in once the list arrives (the project names no target to match).
    const instance = instances.ReplicationInstances?.[0]?.ReplicationInstanceIdentifier ?? '';
    await app.waitForText(new RegExp(`Instance\\s+${instance}`));
    await app.press('tab', 'tab', 'tab');
    await app.type('agscr-target');
    await app.pressCommand('form.create');
    await app.waitForText(/Agent running · pid/, 30_000);
    const done = await app.waitForText(/agscr[^\n]*completed.*100%/, 60_000);
    expect(done).toContain(`${schema}.orders`);
    await stopAgent(dir);
  });

  it('a task the restarted agent holds no password for: the screen says it waits, s asks for it masked and resumes', async () => {
    const pwDir = join(root, 'pw');
    const secret = `pw-${uniqueName('scr')}`;
    const agentEnv = { ...process.env, DMS_TUI_SOURCE_PASSWORD: undefined };
    await startTestAgent(pwDir, { ...agentEnv, DMST_SLOW_AGENT: '300' });
    const instances = await sb.dms.send(new DescribeReplicationInstancesCommand({}));
    const created = await agentTaskCli(
      sb,
      'agent-task',
      [
        'create',
        'pw-screen',
        '--source',
        `postgres://${pg.spec.user}@${pg.spec.host}:${pg.spec.port}/${pg.spec.database}`,
        '--select',
        `${schema}.orders`,
        '--bucket',
        'screenpw',
        '--target-endpoint',
        'agscr-target',
        '--instance',
        instances.ReplicationInstances?.[0]?.ReplicationInstanceIdentifier ?? '',
        '--sandbox',
        '--rows-per-partition',
        '300',
        '--parallel',
        '1',
        '--data-dir',
        pwDir,
        '--start',
      ],
      { DMS_TUI_SOURCE_PASSWORD: secret },
    );
    expect(created.stderr).toBe('');
    await waitFor(() => agentTask(pwDir, 'pw-screen'), {
      until: (t) => (t.local.tables[0]?.partitionsDone ?? 0) >= 1,
      timeout: 60_000,
      what: 'a partition in S3',
    });
    await stopAgent(pwDir);
    await startTestAgent(pwDir, agentEnv);

    const app = renderInk(
      <App
        services={sandboxServices(sb, { agent: { dir: pwDir, cliArgs: agentCliArgs } })}
        initialRoute={{ screen: 'agent' }}
      />,
    );
    await app.waitForText(/pw-screen\s+waiting/, 30_000);
    await app.waitForText('Waiting for the source password: s resumes it and asks for it');
    await app.pressCommand('agent.taskStart');
    await app.waitForText('Source password for pw-screen');
    await app.type(secret);
    const typed = await app.waitForText('•'.repeat(secret.length));
    expect(typed).not.toContain(secret);
    await app.press('enter');
    const done = await app.waitForText(/pw-screen[^\n]*completed.*100%/, 90_000);
    expect(done).not.toContain('Waiting for the source password');
    await stopAgent(pwDir);
  }, 240_000);
});
