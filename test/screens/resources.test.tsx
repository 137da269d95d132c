// `:instances` and `:endpoints` against the sandbox: the instance with its class, status,
// version, storage and tasks; endpoints with their last test, tested from a chosen instance,
// modified through the endpoint form (ModifyEndpoint), deleted after a question that names the
// tasks using them (DMS's refusal shown when they are in use).
import {
  CreateEndpointCommand,
  DescribeEndpointsCommand,
} from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import { renderInk } from '../support/ink.js';
import { sandboxServices, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let sb: TestSandbox;
const SECRET = 'pw-endpoints-never-shown';

beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  await sb.createTask('res-task');
  for (const [id, port] of [
    ['bad-pg', 1],
    ['spare-pg', 5432],
  ] as const)
    await sb.dms.send(
      new CreateEndpointCommand({
        EndpointIdentifier: id,
        EndpointType: 'source',
        EngineName: 'postgres',
        ServerName: '127.0.0.1',
        Port: port,
        DatabaseName: 'test',
        Username: 'postgres',
        Password: SECRET,
      }),
    );
});
afterAll(async () => {
  await sb?.close();
});

function open(screen: 'instances' | 'endpoints') {
  return renderInk(
    <App services={sandboxServices(sb, { refreshSeconds: 1 })} initialRoute={{ screen }} />,
  );
}

async function down(app: ReturnType<typeof renderInk>, times: number) {
  for (let i = 0; i < times; i++) await app.pressCommand('list.down');
}

describe(':instances', () => {
  it('lists the instance with class, status, version, storage and its tasks', async () => {
    const app = open('instances');
    const frame = await app.waitForText(
      /sandbox\s+dms\.t3\.medium\s+available\s+3\.5\.3\s+50 GB\s+1: res-task/,
    );
    expect(frame).toContain('dms-tui › Replication instances');
    expect(frame).toMatch(/NAME\s+CLASS\s+STATUS\s+VERSION\s+STORAGE\s+TASKS/);
    app.unmount();
  });
});

describe(':endpoints', () => {
  it('filters on the columns shown, says so, and Esc clears it', async () => {
    const app = open('endpoints');
    await app.waitForText(/spare-pg .*never tested\s+none/);
    await app.filterTo('spare');
    const frame = await app.waitForText(/endpoints? · 1 shown · filter spare on name, type/);
    expect(frame).toContain('spare-pg');
    expect(frame).not.toContain('bad-pg');
    await app.pressCommand('list.clearFilter');
    await app.filterTo('!spare');
    await app.waitForText(/3 shown · filter !spare \(not matching\)/);
    expect(app.lastFrame()).not.toContain('spare-pg');
    await app.pressCommand('list.clearFilter');
    await app.waitForText(/spare-pg[\s\S]*bad-pg|bad-pg[\s\S]*spare-pg/);
    app.unmount();
  });

  it('tests, modifies and deletes endpoints; DMS refuses deleting one in use', async () => {
    const app = open('endpoints');
    await app.waitForText(
      /src-pg\s+source\s+postgres\s+127\.0\.0\.1:5432\s+test\s+never tested\s+1: res-task/,
    );
    await app.waitForText(/spare-pg .*never tested\s+none/);

    // Test bad-pg (the third row) from the sandbox's instance: it fails, and says why.
    await down(app, 2);
    await app.pressCommand('endpoints.test');
    await app.waitForText('Test bad-pg from which replication instance?');
    await app.pressCommand('dialog.confirm');
    await app.waitForText(/bad-pg .*failed \(sandbox\)/);
    await app.waitForText(/Last test of bad-pg failed: \S/);

    // Modify it through the endpoint form: the port, no password shown or asked.
    await app.pressCommand('endpoints.modify');
    let frame = await app.waitForText('Modify source endpoint bad-pg');
    expect(frame).toMatch(/Password\s+\(unchanged\)/);
    expect(frame).not.toContain(SECRET);
    for (let i = 0; i < 3; i++) await app.pressCommand('form.next');
    await app.press('ctrl+u');
    await app.type('5432');
    await app.pressCommand('form.create');
    await app.waitForText('Saved endpoint bad-pg (ModifyEndpoint)');
    const described = await sb.dms.send(new DescribeEndpointsCommand({}));
    expect(described.Endpoints?.find((e) => e.EndpointIdentifier === 'bad-pg')?.Port).toBe(5432);
    await app.pressCommand('endpoints.test');
    await app.pressCommand('dialog.confirm');
    await app.waitForText(/bad-pg .*successful \(sandbox\)/);

    // Delete src-pg (used by res-task): the question names the task, DMS refuses, we say so.
    await app.pressCommand('list.top');
    await app.pressCommand('endpoints.delete');
    frame = await app.waitForText('Delete endpoint src-pg?');
    expect(frame).toContain('used by 1: res-task');
    await app.pressCommand('dialog.confirm');
    await app.waitForText(
      /DMS refused to delete src-pg: Endpoint src-pg is used by replication\s+task\(s\) res-task/,
    );

    // spare-pg (unused) goes.
    await app.pressCommand('list.bottom');
    await app.pressCommand('endpoints.delete');
    await app.waitForText('Delete endpoint spare-pg? This cannot be undone.');
    await app.pressCommand('dialog.confirm');
    frame = await app.waitForText('3 endpoints', 15_000);
    expect(frame).not.toMatch(/spare-pg\s+source/);
    expect(app.lastFrame()).not.toContain(SECRET);
    app.unmount();
  });
});
