// After Create, the form lands in the Data Migration View focused on the new task
// (route params { focusTaskArn }).
import {
  CreateEndpointCommand,
  CreateReplicationTaskCommand,
  DescribeReplicationInstancesCommand,
} from '@aws-sdk/client-database-migration-service';
import { renderInk } from '../support/ink.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { sandboxServices } from './taskFormSupport.js';
import { includeTables } from '../support/mappings.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

it('focuses the task named by focusTaskArn', async () => {
  const instance = (await sandbox.dms.send(new DescribeReplicationInstancesCommand({})))
    .ReplicationInstances?.[0]?.ReplicationInstanceArn;
  const arns: Record<string, string> = {};
  for (const type of ['source', 'target'] as const) {
    const out = await sandbox.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: `land-${type}`,
        EndpointType: type,
        EngineName: 'postgres',
        ServerName: 'db.example',
        Port: 5432,
        DatabaseName: 'x',
        Username: 'u',
      }),
    );
    arns[type] = out.Endpoint!.EndpointArn!;
  }
  const created: string[] = [];
  for (const name of ['aaa-first', 'bbb-second', 'ccc-third']) {
    const out = await sandbox.dms.send(
      new CreateReplicationTaskCommand({
        ReplicationTaskIdentifier: name,
        SourceEndpointArn: arns.source,
        TargetEndpointArn: arns.target,
        ReplicationInstanceArn: instance,
        MigrationType: 'full-load',
        TableMappings: includeTables('s'),
      }),
    );
    created.push(out.ReplicationTask!.ReplicationTaskArn!);
  }
  const app = renderInk(
    <App
      services={sandboxServices(sandbox.url)}
      initialRoute={{ screen: 'tasks', params: { focusTaskArn: created[1] } }}
    />,
  );
  await app.waitForText('ccc-third', 15_000);
  await app.pressCommand('task.details');
  await app.waitForText('Task bbb-second', 15_000);
  expect(app.lastFrame()).not.toContain('Task aaa-first');
  app.unmount();
});
