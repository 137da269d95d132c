// The Data Migration View marks the DMS tasks the replication agent created (an agent task's DMS
// subtask, named agent-<task>): a VIA column reading "agent", in plain text at 80 columns, and
// the task details name the agent task. The agent's own task store says which task is whose;
// a task made by an agent on another machine is known by its dms-tui:agent-task tag, asked once
// (ListTagsForResource); a task that merely starts with "agent-" is not marked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddTagsToResourceCommand } from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveTask } from '../../src/agent/taskStore.js';
import { newTaskRecord } from '../../src/model/agentTask.js';
import { App } from '../../src/shell/App.js';
import { renderInk } from '../support/ink.js';
import { sandboxServices, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { lineWith } from './taskFormSupport.js';

const root = mkdtempSync(join(tmpdir(), 'agent-mark-'));
let sb: TestSandbox;
let tagCalls = 0;

beforeAll(async () => {
  sb = await startTestSandbox({ endpoints: true, fakeEngine: true });
  const arn = await sb.createTask('agent-marked');
  await sb.createTask('agent-stranger');
  await sb.createTask('plain-task');
  // Made by an agent elsewhere: only its tag says whose it is.
  const remote = await sb.createTask('agent-remote');
  await sb.dms.send(
    new AddTagsToResourceCommand({
      ResourceArn: remote,
      Tags: [{ Key: 'dms-tui:agent-task', Value: 'remote' }],
    }),
  );
  (await sb.clients.dms()).middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'ListTagsForResourceCommand') tagCalls++;
      return next(args);
    },
    { step: 'initialize', name: 'countTagCalls' },
  );
  const record = newTaskRecord(
    {
      name: 'marked',
      source: {
        engine: 'postgres',
        host: '127.0.0.1',
        port: 5432,
        database: 'test',
        user: 'postgres',
        sslMode: 'none',
      },
      select: ['public.%'],
      bucket: 'b',
      folder: 'marked',
      targetEndpoint: 'dst-pg',
      instance: 'sandbox',
      roleArn: '',
      format: 'csv.gz',
      maxFileBytes: 1 << 20,
      parallel: 1,
      rowsPerPartition: 1000,
      nullMarker: '\\N',
      aws: sb.target,
    },
    new Date().toISOString(),
  );
  saveTask(root, {
    ...record,
    state: 'loading',
    dms: { state: 'running', taskArn: arn, percent: 0 },
  });
}, 60_000);

afterAll(async () => {
  await sb?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('agent tasks in the Data Migration View', () => {
  it('a VIA column says "agent" at 80 columns, and the details name the agent task', async () => {
    const app = renderInk(
      <App
        services={sandboxServices(sb, { agent: { dir: root }, refreshSeconds: 1 })}
        initialRoute={{ screen: 'tasks' }}
      />,
    );
    Object.defineProperty(app.stdout, 'columns', { value: 80, configurable: true });
    Object.defineProperty(app.stdout, 'rows', { value: 24, configurable: true });
    app.stdout.emit('resize');
    const frame = await app.waitForText(/agent-marked\s+agent\s+\w/);
    expect(lineWith(frame, 'NAME')).toMatch(/NAME\S*\s+VIA\s+STATUS/);
    expect(lineWith(frame, 'agent-stranger')).not.toMatch(/agent-stranger\s+agent/);
    await app.waitForText(/agent-remote\s+agent\s+\w/);
    expect(lineWith(frame, 'plain-task')).not.toContain('agent');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);

    await app.filterTo('agent-marked');
    await app.press('enter');
    await app.waitForText(/Agent task\s+marked: loads what the replication agent extracted to S3/);
    await app.press('escape');
    await app.waitForText('filter agent-marked');
    await app.press('escape'); // clears the filter
    await app.waitForText(/agent-stranger/);
    await app.filterTo('agent-remote');
    await app.press('enter');
    await app.waitForText(/Agent task\s+remote: loads what the replication agent extracted to S3/);
    // Two unknown agent- tasks, asked about in one call, once (the list refreshes every second).
    await app.press('escape');
    await app.waitForText(/Refreshed|agent-remote/);
    expect(tagCalls).toBe(1);
    app.unmount();
  });
});
