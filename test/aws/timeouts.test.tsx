// An endpoint that accepts the connection and never answers (and one that reads the request and
// never writes a response): every call ends with one line naming the URL that did not answer,
// the command exits 4, and the poller shows the error instead of "refreshing…" for ever. The
// real SDK over real sockets, with the clients' timeouts shortened through their options.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsError } from '../../src/aws/call.js';
import { createAwsClients, DEFAULT_TIMEOUTS } from '../../src/aws/clients.js';
import { listTasks } from '../../src/aws/tasks.js';
import { runTaskCommand } from '../../src/commands/index.js';
import { EXIT } from '../../src/commands/io.js';
import { App } from '../../src/shell/App.js';
import { renderInk } from '../support/ink.js';
import { testServices } from '../support/services.js';

const SHORT = { connectMs: 300, requestMs: 600 };

interface Silent {
  url: string;
  server: Server;
  sockets: Set<Socket>;
}

/** A TCP server that accepts and then says nothing; `read` also drains what it is sent. */
async function silentServer(read: boolean): Promise<Silent> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    if (read) socket.on('data', () => undefined);
    else socket.pause();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server, sockets };
}

let servers: Silent[] = [];
beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'x';
  process.env.AWS_SECRET_ACCESS_KEY = 'x';
  servers = [await silentServer(false), await silentServer(true)];
});
afterAll(() => {
  for (const s of servers) {
    for (const socket of s.sockets) socket.destroy();
    s.server.close();
  }
});

describe.each([
  ['accepts and never answers', 0],
  ['reads the request and never writes', 1],
])('an endpoint that %s', (_what, index) => {
  const server = () => servers[index] as Silent;

  it('fails a call with one line naming the URL, within the tries it was given', async () => {
    const clients = createAwsClients(
      { sandbox: true, endpointUrl: server().url },
      { maxAttempts: 2, timeouts: SHORT },
    );
    const error = await listTasks(clients).then(
      () => undefined,
      (e: unknown) => e,
    );
    clients.destroy();
    expect(error).toBeInstanceOf(AwsError);
    const e = error as AwsError;
    expect(e.message).toBe(
      `${server().url} did not answer within 0.6 s (2 tries): the service or the network is not responding`,
    );
    expect(e.transient).toBe(true);
  });

  it('`dms-tui tasks` exits 4 with one line on stderr naming the URL', async () => {
    let stderr = '';
    const code = await runTaskCommand(
      'tasks',
      ['--endpoint-url', server().url, '--region', 'us-east-1'],
      {
        stdout: () => undefined,
        stderr: (t) => {
          stderr += t;
        },
        env: {},
        clientOptions: { maxAttempts: 1, timeouts: SHORT },
      },
    );
    expect(code).toBe(EXIT.unreachable);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`${server().url} did not answer within 0.6 s`);
  });

  it('the task list shows the error, not "refreshing…" for ever', async () => {
    const target = { sandbox: true, endpointUrl: server().url };
    const services = testServices({
      target,
      clients: createAwsClients(target, { maxAttempts: 1, timeouts: SHORT }),
    });
    const app = renderInk(<App services={services} initialRoute={{ screen: 'tasks' }} />);
    const frame = await app.waitForText('did not answer');
    expect(frame).toContain(server().url);
    app.unmount();
    services.clients.destroy();
  });
});

it('keeps the default timeouts short enough for a terminal UI', () => {
  expect(DEFAULT_TIMEOUTS.connectMs).toBeLessThanOrEqual(5_000);
  expect(DEFAULT_TIMEOUTS.requestMs).toBeLessThanOrEqual(15_000);
});
