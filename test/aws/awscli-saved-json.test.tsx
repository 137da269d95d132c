// The JSON that the form's Save JSON (`w`) writes, fed unchanged to Debian's AWS CLI v2
// (/usr/bin/aws dms create-replication-task --cli-input-json file://…) against the sandbox,
// creates the same task as the form's own Create (Ctrl-s).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateEndpointCommand,
  DeleteReplicationTaskCommand,
  DescribeReplicationTasksCommand,
  type ReplicationTask,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/model/project.js';
import { lineWith, renderForm, sandboxServices } from '../screens/taskFormSupport.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

const AWS = '/usr/bin/aws';
const run = promisify(execFile);

let sandbox: TestSandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), 'dmst-awscli-json-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const project: Project = {
  name: 'cli',
  profile: 'sandbox',
  source: {
    engine: 'postgres',
    host: 'pg.example',
    port: 5432,
    database: 'shop',
    user: 'u',
    sslMode: 'none',
  },
  target: {
    engine: 'mariadb',
    host: 'maria.example',
    port: 3306,
    database: 'shop',
    user: 'u',
    sslMode: 'none',
  },
};

async function describeTask(id: string): Promise<ReplicationTask | undefined> {
  try {
    const out = await sandbox.dms.send(
      new DescribeReplicationTasksCommand({
        Filters: [{ Name: 'replication-task-id', Values: [id] }],
      }),
    );
    return out.ReplicationTasks?.[0];
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundFault') return undefined;
    throw error;
  }
}

/** What must be the same whichever client created the task. */
function essence(task: ReplicationTask | undefined) {
  const settings = JSON.parse(task?.ReplicationTaskSettings ?? '{}');
  // DMS names the log stream after the task's own resource id.
  delete settings.Logging?.CloudWatchLogStream;
  return {
    identifier: task?.ReplicationTaskIdentifier,
    source: task?.SourceEndpointArn,
    target: task?.TargetEndpointArn,
    instance: task?.ReplicationInstanceArn,
    migrationType: task?.MigrationType,
    cdcStartPosition: task?.CdcStartPosition,
    cdcStopPosition: task?.CdcStopPosition,
    tableMappings: JSON.parse(task?.TableMappings ?? '{}'),
    settings,
  };
}

describe.skipIf(!existsSync(AWS))(`saved JSON and the AWS CLI (${AWS})`, () => {
  it('aws dms create-replication-task --cli-input-json accepts the file unchanged', async () => {
    for (const [type, c] of [
      ['source', project.source!],
      ['target', project.target!],
    ] as const) {
      await sandbox.dms.send(
        new CreateEndpointCommand({
          EndpointIdentifier: `cli-${type}`,
          EndpointType: type,
          EngineName: c.engine,
          ServerName: c.host,
          Port: c.port,
          DatabaseName: c.database,
          Username: c.user,
          Password: 'secret-not-saved',
        }),
      );
    }
    const ui = renderForm(sandboxServices(sandbox.url, { project }), {
      selection: { schemas: ['public'], tables: [{ schema: 'sales', table: 'orders' }] },
    });
    await ui.waitFor((f) => lineWith(f, 'Target endpoint').includes('cli-target'), {
      what: 'endpoints preselected',
    });
    // Non-default choices: full-load-and-cdc, truncate, a CDC start position and stop time,
    // stop after the cached changes, full LOB mode with 128 KB chunks, no logging.
    await ui.press(...Array(4).fill('tab'), 'right');
    await ui.press('tab', 'right');
    await ui.press('tab');
    await ui.waitForText('› CDC start');
    await ui.type('0/16B3748');
    await ui.press('tab');
    await ui.type('server_time:2026-12-01T18:00:00');
    await ui.press('tab', 'right');
    await ui.waitForText('Stop after the cached changes are applied');
    await ui.press('tab', 'left', 'tab');
    await ui.waitForText('› LOB chunk size (KB)');
    await ui.press('backspace', 'backspace');
    await ui.type('128');
    await ui.press('tab', 'right');
    await ui.waitFor((f) => lineWith(f, 'Enable logging').includes('off'), { what: 'logging off' });

    const path = join(dir, 'task.json');
    await ui.pressCommand('form.save');
    await ui.waitForText('Save the CreateReplicationTask input as JSON');
    await ui.press(...Array(40).fill('backspace'));
    await ui.type(path);
    await ui.pressCommand('prompt.accept');
    await ui.waitForText(`Saved ${path}`);

    const { stdout } = await run(
      AWS,
      [
        'dms',
        'create-replication-task',
        '--cli-input-json',
        `file://${path}`,
        '--endpoint-url',
        sandbox.url,
        '--output',
        'json',
      ],
      {
        env: {
          PATH: process.env.PATH,
          HOME: dir,
          AWS_ACCESS_KEY_ID: 'AKIDTEST',
          AWS_SECRET_ACCESS_KEY: 'not-a-secret',
          AWS_DEFAULT_REGION: 'us-east-1',
          AWS_CONFIG_FILE: join(dir, 'none'),
          AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
        },
      },
    );
    const created = JSON.parse(stdout).ReplicationTask as ReplicationTask;
    const id = created.ReplicationTaskIdentifier!;
    expect(id).toBe('public-and-1-more');
    const viaCli = essence(
      await waitFor(() => describeTask(id), {
        until: (t) => t?.Status === 'ready',
        what: 'CLI task ready',
        timeout: 30_000,
      }),
    );
    expect(viaCli.migrationType).toBe('full-load-and-cdc');
    expect(viaCli.settings.TargetMetadata).toMatchObject({ FullLobMode: true, LobChunkSize: 128 });
    expect(viaCli.settings.FullLoadSettings.TargetTablePrepMode).toBe('TRUNCATE_BEFORE_LOAD');
    expect(viaCli.settings.FullLoadSettings.StopTaskCachedChangesApplied).toBe(true);
    expect(viaCli.cdcStartPosition).toBe('0/16B3748');
    expect(viaCli.cdcStopPosition).toBe('server_time:2026-12-01T18:00:00');
    expect(viaCli.settings.Logging.EnableLogging).toBe(false);

    // Remove it, then let the form create the same task itself.
    await sandbox.dms.send(
      new DeleteReplicationTaskCommand({ ReplicationTaskArn: created.ReplicationTaskArn }),
    );
    await waitFor(() => describeTask(id), {
      until: (t) => t === undefined,
      what: 'CLI task deleted',
      timeout: 30_000,
    });
    await ui.pressCommand('form.create');
    // Its endpoints were never tested: the form asks first.
    await ui.waitForText('its connection was never tested');
    await ui.pressCommand('dialog.confirm');
    await ui.waitForText(`Task ${id} created`);
    const viaForm = essence(
      await waitFor(() => describeTask(id), {
        until: (t) => t?.Status === 'ready',
        what: 'form task ready',
        timeout: 30_000,
      }),
    );
    expect(viaForm).toEqual(viaCli);
    await ui.pressCommand('dialog.cancel', 'n');
    ui.unmount();
  });
});
