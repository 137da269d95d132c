// The source password across agent restarts: the agent keeps a `--source` task's password in
// memory only, so an agent restarted (agent stop/start, or kill -9) waits for it, says so in
// `agent-tasks` and `agent status`, and `agent-task resume` hands it over again: from
// DMS_TUI_SOURCE_PASSWORD in the CLI's environment, or typed at a prompt in a terminal. The
// password is never in a file of the agent's data dir.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopAgent } from '../../src/agent/launcher.js';
import { liveLease } from '../../src/agent/lease.js';
import { type DbConnection, openConnection } from '../../src/db/connection.js';
import { processAlive } from '../../src/sandbox/sandboxFile.js';
import { startTerminal } from '../support/pty.js';
import { startTestSandbox, type TestSandbox, uniqueName } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import {
  agentTask,
  agentTaskCli,
  createItemsSchema,
  startTestAgent,
  waitForLocalDone,
} from './helpers.js';
import { agentCli, agentCliArgs } from './support.js';

const pg = await serverAvailable('postgres');
const root = mkdtempSync(join(tmpdir(), 'agent-password-'));
const schema = uniqueName('agpw').replace(/-/g, '_');
const SECRET = `pw-${uniqueName('s')}`;
/** The agent's own environment holds no password: only what is handed over counts. */
const agentEnv = { ...process.env, DMS_TUI_SOURCE_PASSWORD: undefined };
let sb: TestSandbox;
let conn: DbConnection;

/** Every file under dir, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    if (stat.isDirectory()) return filesUnder(path);
    return stat.isFile() ? [path] : [];
  });
}

/** Creates a task with the password, lets a partition reach S3, and takes the agent away. */
async function interrupted(dir: string, name: string, how: 'stop' | 'kill') {
  const pid = await startTestAgent(dir, { ...agentEnv, DMST_SLOW_AGENT: '300' });
  const created = await agentTaskCli(
    sb,
    'agent-task',
    [
      'create',
      name,
      '--source',
      `postgres://${pg.spec.user}@${pg.spec.host}:${pg.spec.port}/${pg.spec.database}`,
      '--select',
      `${schema}.items`,
      '--bucket',
      'pwstage',
      '--target-endpoint',
      'none',
      '--instance',
      'none',
      '--sandbox',
      '--rows-per-partition',
      '500',
      '--parallel',
      '1',
      '--data-dir',
      dir,
      '--start',
    ],
    { DMS_TUI_SOURCE_PASSWORD: SECRET },
  );
  expect(created.stderr).toBe('');
  expect(created.code).toBe(0);
  await waitFor(() => agentTask(dir, name), {
    until: (t) => (t.local.tables[0]?.partitionsDone ?? 0) >= 1,
    timeout: 60_000,
    what: 'a partition in S3',
  });
  if (how === 'stop') expect(await stopAgent(dir)).toBe(true);
  else {
    process.kill(pid, 'SIGKILL');
    await waitFor(() => !processAlive(pid) || liveLease(dir) === null, {
      what: 'the agent to die',
    });
  }
  await startTestAgent(dir, agentEnv);
  const waiting = await agentTask(dir, name);
  expect(waiting).toMatchObject({ state: 'waiting', needsPassword: true });
  return waiting;
}

describe.skipIf(!pg.ok)(`the source password after a restart (${pg.reason})`, () => {
  beforeAll(async () => {
    sb = await startTestSandbox();
    conn = await openConnection(pg.spec);
    await createItemsSchema(conn, schema, 4000);
  }, 60_000);

  afterAll(async () => {
    for (const d of ['env', 'prompt']) await stopAgent(join(root, d)).catch(() => undefined);
    await conn?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await conn?.close();
    await sb?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('agent stop/start: the task waits, says what to do, and resume takes DMS_TUI_SOURCE_PASSWORD', async () => {
    const dir = join(root, 'env');
    await interrupted(dir, 'pw-env', 'stop');

    const table = await agentTaskCli(sb, 'agent-tasks', ['--data-dir', dir]);
    expect(table.stdout).toMatch(/pw-env\s+waiting/);
    expect(table.stdout).toContain(
      'pw-env: waiting for the source password: dms-tui agent-task resume pw-env asks for it',
    );
    const status = agentCli(['status', '--data-dir', dir, '--output', 'json']);
    expect(JSON.parse(status.stdout).tasks).toEqual([
      expect.objectContaining({ name: 'pw-env', state: 'waiting', needsPassword: true }),
    ]);
    expect(agentCli(['status', '--data-dir', dir]).stdout).toMatch(
      /pw-env {2}waiting .*agent-task resume pw-env/,
    );

    // Without a terminal and without the variable, resume says what it needs.
    const refused = await agentTaskCli(sb, 'agent-task', ['resume', 'pw-env', '--data-dir', dir], {
      DMS_TUI_SOURCE_PASSWORD: undefined,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /needs the source password: run this in a terminal to type it, or set DMS_TUI_SOURCE_PASSWORD/,
    );
    expect((await agentTask(dir, 'pw-env')).state).toBe('waiting');

    const resumed = await agentTaskCli(sb, 'agent-task', ['resume', 'pw-env', '--data-dir', dir], {
      DMS_TUI_SOURCE_PASSWORD: SECRET,
    });
    expect(resumed.stderr).toBe('');
    expect(resumed.stdout).toMatch(/^pw-env: extracting/);
    const done = await waitForLocalDone(dir, 'pw-env');
    expect(done.local.tables[0]?.rows).toBe(4000);
    for (const file of filesUnder(dir)) expect(readFileSync(file, 'latin1')).not.toContain(SECRET);
  }, 240_000);

  it('kill -9: resume in a terminal asks for the password without echoing it', async () => {
    const dir = join(root, 'prompt');
    await interrupted(dir, 'pw-prompt', 'kill');
    const term = startTerminal({
      command: 'node',
      args: [...agentCliArgs, 'agent-task', 'resume', 'pw-prompt', '--data-dir', dir],
      env: { DMS_TUI_SOURCE_PASSWORD: undefined },
      cols: 120,
      rows: 10,
    });
    await term.waitForText('Source password for agent task pw-prompt', 60_000);
    await term.type(SECRET);
    await term.press('enter');
    expect(await term.exited).toBe(0);
    expect(term.screen()).toContain('pw-prompt: extracting');
    expect(term.output()).not.toContain(SECRET);
    const done = await waitForLocalDone(dir, 'pw-prompt');
    expect(done.local.tables[0]?.rows).toBe(4000);
    for (const file of filesUnder(dir)) expect(readFileSync(file, 'latin1')).not.toContain(SECRET);
  }, 240_000);
});
