// The task subcommands against an in-process sandbox: output, JSON, exit codes, bad names,
// refused actions, logs with --since and --follow. One case runs the built CLI for real.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTask } from '../../src/aws/tasks.js';
import { runTaskCommand } from '../../src/commands/index.js';
import { EXIT } from '../../src/commands/io.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

let sb: TestSandbox;
const env = {
  AWS_ACCESS_KEY_ID: 'SANDBOXACCESSKEY',
  AWS_SECRET_ACCESS_KEY: 'sandbox-secret-not-a-real-key',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

beforeAll(async () => {
  Object.assign(process.env, env);
  delete process.env.AWS_PROFILE;
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
});
afterAll(async () => {
  await sb?.close();
});

async function run(name: string, ...args: string[]) {
  return runAt(sb.sandbox.url, name, ...args);
}

async function runAt(url: string, name: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const controller = new AbortController();
  const code = await runTaskCommand(name, [...args, '--endpoint-url', url], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { ...env },
    signal: controller.signal,
    followIntervalMs: 50,
  });
  return { code, stdout, stderr };
}

async function readyTask(id: string, logging = true) {
  const arn = await sb.createTask(id, { logging });
  await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
  return arn;
}

describe('dms-tui task subcommands', () => {
  it('lists tasks as a table and as JSON', async () => {
    await readyTask('cli-list');
    const table = await run('tasks');
    expect(table.code).toBe(EXIT.ok);
    expect(table.stdout).toMatch(/NAME\s+STATUS\s+WHAT IT MEANS/);
    expect(table.stdout).toMatch(/cli-list\s+ready\s+Ready to start\s+full-load/);
    expect(table.stdout).toContain('src-pg');
    const json = await run('tasks', '--output', 'json');
    const { ReplicationTasks: tasks } = JSON.parse(json.stdout) as {
      ReplicationTasks: { ReplicationTaskIdentifier: string; DmsTui: { reading: string } }[];
    };
    const listed = tasks.find((t) => t.ReplicationTaskIdentifier === 'cli-list');
    expect(listed?.DmsTui.reading).toBe('Ready to start');
  });

  it('starts by name and by ARN, then refuses to stop a finished task (exit 1, one line)', async () => {
    sb.engine.mode = 'complete';
    const arn = await readyTask('cli-start');
    const started = await run('start', 'cli-start');
    expect(started.code).toBe(EXIT.ok);
    expect(started.stdout).toMatch(/cli-start: (starting|running) \(start-replication\)/);
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'));
    const stop = await run('stop', arn);
    expect(stop.code).toBe(EXIT.refused);
    expect(stop.stderr.trim().split('\n')).toHaveLength(1);
    expect(stop.stderr).toContain('only a running task can be stopped');
    const stats = await run('stats', 'cli-start');
    expect(stats.code).toBe(EXIT.ok);
    expect(stats.stdout).toMatch(/public\s+orders\s+Table completed\s+42/);
    const statsJson = JSON.parse((await run('stats', 'cli-start', '-o', 'json')).stdout);
    expect(statsJson.TableStatistics).toHaveLength(2);
    expect(statsJson.TableStatistics[0]).toMatchObject({
      SchemaName: 'public',
      TableState: 'Table completed',
    });
    const resumed = await run('start', 'cli-start', '--output', 'json');
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      ReplicationTasks: [
        {
          ReplicationTaskIdentifier: 'cli-start',
          DmsTui: { action: 'start', startType: 'resume-processing' },
        },
      ],
      DmsTui: { failures: [] },
    });
  });

  it('bad task names exit 3; bad flags exit 2; destructive ones need --yes', async () => {
    const missing = await run('stop', 'no-such-task');
    expect(missing.code).toBe(EXIT.notFound);
    expect(missing.stderr).toContain('No replication task "no-such-task"');
    const badArn = await run('stats', 'arn:aws:dms:us-east-1:000000000000:task:NOPE');
    expect(badArn.code).toBe(EXIT.notFound);
    expect((await run('start')).code).toBe(EXIT.usage);
    expect((await run('tasks', '--output', 'yaml')).code).toBe(EXIT.usage);
    expect((await run('logs', 'x', '--since', 'yesterday')).code).toBe(EXIT.usage);
    expect((await run('stop', 'x', '--bogus')).code).toBe(EXIT.usage);
    await readyTask('cli-del');
    const noYes = await run('delete', 'cli-del');
    expect(noYes.code).toBe(EXIT.usage);
    expect(noYes.stderr).toContain('--yes');
    const deleted = await run('delete', 'cli-del', '--yes');
    expect(deleted.code).toBe(EXIT.ok);
    expect(deleted.stdout).toContain('cli-del: deleting');
    const readOnly = await run('stop', 'cli-start', '--read-only');
    expect(readOnly.code).toBe(EXIT.usage);
  });

  it('acts on several tasks with a result each; the exit code reports the failure', async () => {
    await readyTask('cli-m1');
    const r = await run('start', 'cli-m1', 'cli-missing');
    expect(r.code).toBe(EXIT.notFound);
    expect(r.stdout).toMatch(/cli-m1: (starting|running)/);
    expect(r.stderr).toContain('cli-missing');
  });

  it('an unreachable endpoint URL exits 4 with one line naming it', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    await new Promise((resolve) => server.close(resolve));
    for (const args of [['tasks'], ['stop', 'some-task'], ['logs', 'some-task']]) {
      const r = await runAt(url, args[0] ?? '', ...args.slice(1));
      expect(r.code).toBe(EXIT.unreachable);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`Cannot reach ${url}: connection refused`);
    }
  });

  it('prints the log, --since filters old lines, a task without logging exits 5 with why', async () => {
    sb.engine.mode = 'complete';
    const arn = await readyTask('cli-logs');
    await run('start', 'cli-logs');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('stopped'));
    const logs = await run('logs', 'cli-logs');
    expect(logs.code).toBe(EXIT.ok);
    expect(logs.stdout).toMatch(/\[TARGET_LOAD\s*\]I:\s+Load finished for table 'public'.'orders'/);
    const json = (await run('logs', 'cli-logs', '-o', 'json')).stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(json.some((l: { DmsTui: { severity: string } }) => l.DmsTui.severity === 'W')).toBe(
      true,
    );
    expect(json[0]).toMatchObject({ timestamp: expect.any(Number), message: expect.any(String) });
    const since = await run('logs', 'cli-logs', '--since', '1d');
    expect(since.stdout).toBe(logs.stdout);
    await readyTask('cli-quiet', false);
    const quiet = await run('logs', 'cli-quiet');
    expect(quiet.code).toBe(EXIT.noLog);
    expect(quiet.stderr).toMatch(/does not exist/);
  });

  it('--follow prints new lines as they arrive and stops on the signal', async () => {
    sb.engine.mode = 'hold';
    const arn = await readyTask('cli-follow');
    await run('start', 'cli-follow');
    await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('running'));
    let out = '';
    const controller = new AbortController();
    const done = runTaskCommand(
      'logs',
      ['cli-follow', '--follow', '--endpoint-url', sb.sandbox.url],
      {
        stdout: (t) => {
          out += t;
        },
        stderr: () => undefined,
        env: { ...env },
        signal: controller.signal,
        followIntervalMs: 50,
      },
    );
    await waitFor(() => expect(out).toContain('tables to load'));
    expect(out).not.toContain('Load finished');
    sb.engine.release();
    await waitFor(() => expect(out).toContain('Load finished'));
    controller.abort();
    expect(await done).toBe(EXIT.ok);
    sb.engine.mode = 'complete';
  });

  it.skipIf(!existsSync('dist/cli.js'))(
    'the built CLI exits with the code and one line on stderr',
    async () => {
      const result = await new Promise<{ code: number; stderr: string; stdout: string }>(
        (resolve) => {
          execFile(
            process.execPath,
            ['dist/cli.js', 'stop', 'no-such-task', '--endpoint-url', sb.sandbox.url],
            { env: { ...process.env, ...env } },
            (error, stdout, stderr) =>
              resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
          );
        },
      );
      expect(result.code).toBe(EXIT.notFound);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('no-such-task');
    },
  );
});
