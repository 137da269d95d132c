// Shared steps of the agent's integration tests: an agent process on a temporary data dir,
// agent-task commands run in-process against the test sandbox, and reading back what the
// agent wrote to the sandbox's S3.
import { gunzipSync } from 'node:zlib';
import type { DbConnection } from '../../src/db/connection.js';
import type { AgentTaskView } from '../../src/model/agentView.js';
import { callAgent } from '../../src/agent/control.js';
import { startAgent } from '../../src/agent/launcher.js';
import { createS3 } from '../../src/aws/s3.js';
import { runAgentTaskCommand } from '../../src/commands/agentTasks.js';
import type { CommandIo } from '../../src/commands/io.js';
import { readCsv } from '../support/csv.js';
import type { TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';
import { agentCliArgs } from './support.js';

export async function startTestAgent(dir: string, env: NodeJS.ProcessEnv = process.env) {
  const { status } = await startAgent(dir, { cliArgs: agentCliArgs, env });
  return status.pid;
}

/** Runs `dms-tui agent-task|agent-tasks …` in-process with --sandbox pointed at sb (no source
 *  password unless `env` gives DMS_TUI_SOURCE_PASSWORD; undefined removes a variable). */
export async function agentTaskCli(
  sb: TestSandbox,
  name: string,
  args: string[],
  env: Record<string, string | undefined> = {},
) {
  let stdout = '';
  let stderr = '';
  const io: CommandIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { ...process.env, DMS_TUI_SOURCE_PASSWORD: '', ...env },
    ensureSandbox: async () => ({ endpointUrl: sb.url }),
  };
  const code = await runAgentTaskCommand(name, args, io);
  return { code, stdout, stderr };
}

export function agentTask(dir: string, name: string): Promise<AgentTaskView> {
  return callAgent<AgentTaskView[]>(dir, 'GET', '/tasks').then((all) => {
    const found = all.find((t) => t.name === name);
    if (!found) throw new Error(`no task ${name}`);
    return found;
  });
}

/** Waits until the task's local subtask is done (or fails the wait with its error). */
export function waitForLocalDone(dir: string, name: string, timeout = 120_000) {
  return waitFor(
    async () => {
      const t = await agentTask(dir, name);
      if (t.local.state === 'failed') throw new Error(`local subtask failed: ${t.error}`);
      return t;
    },
    { until: (t) => t.local.state === 'done', timeout, what: `${name}'s local subtask` },
  );
}

/** One object's text. */
export async function textInS3(sb: TestSandbox, bucket: string, key: string): Promise<string> {
  const s3 = createS3(sb.target);
  try {
    const chunks: Buffer[] = [];
    for await (const c of await s3.getStream(bucket, key)) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    s3.destroy();
  }
}

/** Every row the agent wrote under <folder>/<schema>/<table>/, read back from S3. */
export async function rowsInS3(
  sb: TestSandbox,
  bucket: string,
  prefix: string,
  marker = '\\N',
): Promise<{ rows: (string | null)[][]; keys: string[] }> {
  const s3 = createS3(sb.target);
  try {
    const rows: (string | null)[][] = [];
    const keys: string[] = [];
    for await (const o of s3.list(bucket, prefix)) {
      keys.push(o.key);
      if (o.key.endsWith('.parquet')) continue; // keys only: rows are read as CSV
      const chunks: Buffer[] = [];
      for await (const c of await s3.getStream(bucket, o.key)) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks);
      const text = o.key.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
      rows.push(...readCsv(text, marker));
    }
    return { rows, keys };
  } finally {
    s3.destroy();
  }
}

/** A schema holding `items (id int PRIMARY KEY, label text)` with ids 1…rows, analysed so the
 *  agent's estimate is right. */
export async function createItemsSchema(
  conn: DbConnection,
  schema: string,
  rows: number,
): Promise<void> {
  await conn.query(`CREATE SCHEMA ${schema}`);
  await conn.query(`CREATE TABLE ${schema}.items (id int PRIMARY KEY, label text)`);
  await conn.query(
    `INSERT INTO ${schema}.items SELECT g, 'row ' || g FROM generate_series(1, ${rows}) g`,
  );
  await conn.query(`ANALYZE ${schema}.items`);
}
