// The Data Migration View's validation badge: a task with validation on that is loading (the
// fake engine holds it, the sandbox validates against the local PostgreSQL) reads "validating 2
// tables" beside its status, at 80 columns too; a task without validation shows none and costs
// no DescribeTableStatistics call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartReplicationTaskCommand } from '@aws-sdk/client-database-migration-service';
import { type AwsClients, createAwsClients } from '../../src/aws/clients.js';
import { findTask } from '../../src/aws/tasks.js';
import { App } from '../../src/shell/App.js';
import { renderInk } from '../support/ink.js';
import { sandboxServices, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';
import { lineWith } from './taskFormSupport.js';

const pg = await serverAvailable('postgres');
let sb: TestSandbox;
let clients: AwsClients;
const statsCalls = new Map<string, number>();

beforeAll(async () => {
  if (!pg.ok) return;
  sb = await startTestSandbox({ endpoints: true, fakeEngine: true });
  // The app's clients, counting DescribeTableStatistics calls per task.
  clients = createAwsClients(sb.target);
  const dms = await clients.dms();
  dms.middlewareStack.add(
    (next, context) => async (args) => {
      const arn = (args.input as { ReplicationTaskArn?: string }).ReplicationTaskArn;
      if (context.commandName === 'DescribeTableStatisticsCommand' && arn)
        statsCalls.set(arn, (statsCalls.get(arn) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countTableStatistics' },
  );
}, 60_000);

afterAll(async () => {
  clients?.destroy();
  sb?.engine.release();
  await sb?.close();
});

describe.skipIf(!pg.ok)('validation badge in the task list', () => {
  it('reads "validating 2 tables" for a loading task with validation on, none without', async () => {
    sb.engine.mode = 'hold';
    const validated = await sb.createTask('badge-val', {
      settings: JSON.stringify({ ValidationSettings: { EnableValidation: true } }),
    });
    const plain = await sb.createTask('badge-plain');
    for (const arn of [validated, plain]) {
      await waitFor(async () => expect((await findTask(sb.clients, arn)).status).toBe('ready'));
      await sb.dms.send(
        new StartReplicationTaskCommand({
          ReplicationTaskArn: arn,
          StartReplicationTaskType: 'start-replication',
        }),
      );
    }
    const app = renderInk(
      <App
        services={sandboxServices(sb, { clients, refreshSeconds: 1 })}
        initialRoute={{ screen: 'tasks' }}
      />,
    );
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 24, configurable: true });
    app.stdout.emit('resize');
    await app.filterTo('badge-');
    const frame = await app.waitFor(
      (f) => lineWith(f, 'badge-val').includes('running · validating 2 tables'),
      { what: 'the badge beside the status', timeout: 20_000 },
    );
    expect(Math.max(...frame.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
    await app.waitForText(/badge-plain\s+running/);
    expect(lineWith(app.frame(), 'badge-plain')).not.toMatch(/validat/i);
    // Only the task with validation had its table statistics read.
    expect(statsCalls.get(validated) ?? 0).toBeGreaterThan(0);
    expect(statsCalls.get(plain) ?? 0).toBe(0);
    app.unmount();
  });
});
