// What DMS answers is shown, never obeyed: a fake DMS (a plain HTTP server speaking the JSON 1.1
// protocol, which the real SDK calls) returns a task and an endpoint whose names and messages
// hold an OSC title sequence, a C1 CSI and a bidi override, and an endpoint whose ServerName
// is 1 MB. The command line's table shows them escaped, its JSON stays valid and equal, and the
// Data Migration View draws them escaped in a bounded frame.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTaskCommand } from '../../src/commands/index.js';
import { App } from '../../src/shell/App.js';
import { HOSTILE, HOSTILE_SHOWN, RAW_CONTROL, withoutSgr } from '../support/controls.js';
import { renderInk } from '../support/ink.js';
import { testServices } from '../support/services.js';

const ARN = 'arn:aws:dms:us-east-1:123456789012';
const MEGABYTE = `db${'x'.repeat(1_000_000)}.example.com`;

const ANSWERS: Record<string, unknown> = {
  DescribeReplicationTasks: {
    ReplicationTasks: [
      {
        ReplicationTaskIdentifier: HOSTILE,
        ReplicationTaskArn: `${ARN}:task:EVIL`,
        SourceEndpointArn: `${ARN}:endpoint:SRC`,
        TargetEndpointArn: `${ARN}:endpoint:TGT`,
        ReplicationInstanceArn: `${ARN}:rep:INST`,
        MigrationType: 'full-load',
        Status: 'failed',
        LastFailureMessage: `Last Error ${HOSTILE} ${MEGABYTE}`,
        StopReason: 'Stop Reason FATAL_ERROR',
      },
    ],
  },
  DescribeEndpoints: {
    Endpoints: [
      {
        EndpointIdentifier: HOSTILE,
        EndpointArn: `${ARN}:endpoint:SRC`,
        EndpointType: 'SOURCE',
        EngineName: 'postgres',
        ServerName: MEGABYTE,
        Port: 5432,
        Status: 'active',
      },
    ],
  },
  DescribeReplicationInstances: { ReplicationInstances: [] },
};

let server: Server;
let url: string;

const ENV = {
  AWS_ACCESS_KEY_ID: 'FAKEACCESSKEY',
  AWS_SECRET_ACCESS_KEY: 'fake-secret',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

beforeAll(async () => {
  // The SDK's default credential chain reads these from the process environment.
  Object.assign(process.env, ENV);
  delete process.env.AWS_PROFILE;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const answer = ANSWERS[operation];
      res.writeHead(answer ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(
        JSON.stringify(answer ?? { __type: 'InvalidParameterValueException', message: operation }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function cli(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runTaskCommand('tasks', [...args, '--endpoint-url', url], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { ...ENV },
  });
  return { code, stdout, stderr };
}

describe('hostile DMS answers', () => {
  it('dms-tui tasks: the table shows names escaped, a 1 MB name cut', async () => {
    const { code, stdout, stderr } = await cli();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toContain(HOSTILE_SHOWN);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThan(3000);
  });

  it('dms-tui tasks --output json: valid JSON with the same values, no raw C1 or bidi', async () => {
    const { code, stdout } = await cli('--output', 'json');
    expect(code).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toContain('\\u202e');
    const { ReplicationTasks: tasks } = JSON.parse(stdout) as {
      ReplicationTasks: { ReplicationTaskIdentifier: string }[];
    };
    expect(tasks[0]?.ReplicationTaskIdentifier).toBe(HOSTILE);
  });

  it('the Data Migration View draws them escaped, in a bounded frame', async () => {
    const services = testServices({ target: { sandbox: true, endpointUrl: url } });
    const app = renderInk(<App services={services} initialRoute={{ screen: 'tasks' }} />);
    await app.waitFor((f) => withoutSgr(f).includes('x\\x1b]0;PWNED'));
    const frame = withoutSgr(app.frame());
    expect(frame).not.toMatch(RAW_CONTROL);
    expect(frame.length).toBeLessThan(20_000);
    app.unmount();
  });
});
