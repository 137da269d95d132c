// The connection form: bad input gets an inline message and no connection attempt; Test
// connection really connects (server version) or shows one readable line for a wrong password,
// an unreachable host and a timeout; passwords stay off the disk unless "remember" is ticked.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import { openProjects, type ProjectsStore } from '../../src/config/projects.js';
import { inkDriver, renderInk } from '../support/ink.js';
import { waitFor } from '../support/wait.js';
import { fileMode, filesContaining } from '../support/secrets.js';
import { serverAvailable } from '../support/servers.js';
import { testServices } from '../support/services.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');
const SECRET = `pw-conn-${Math.random().toString(36).slice(2, 8)}`;

// A server that accepts connections and never answers: the timeout case. It counts accepts,
// which also proves that bad input never reaches the network.
let silent: Server;
let silentPort = 0;
let accepted = 0;
const sockets: Socket[] = [];
beforeAll(async () => {
  silent = createServer((socket) => {
    accepted++;
    sockets.push(socket);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

let configDir: string;
let store: ProjectsStore;
const frames: string[] = [];
afterEach(() => {
  expect(filesContaining(configDir, SECRET)).toEqual([]);
  for (const frame of frames) expect(frame).not.toContain(SECRET);
  rmSync(configDir, { recursive: true, force: true });
});

function open(side: 'source' | 'target' = 'source') {
  configDir = mkdtempSync(join(tmpdir(), 'dmst-conn-'));
  store = openProjects(configDir);
  store.create({ name: 'c', profile: '', source: null, target: null });
  const app = renderInk(
    <App
      services={testServices({ projects: store })}
      initialRoute={{ screen: 'connection', params: { project: 'c', side, timeoutMs: 800 } }}
    />,
  );
  // Every frame the test looks at is kept for the secrets check.
  const lastFrame = () => {
    const f = app.lastFrame() ?? '';
    frames.push(f);
    return f;
  };
  return {
    ...inkDriver({ stdin: app.stdin, frames: app.frames, lastFrame }),
    unmount: app.unmount,
  };
}

const CLEAR = 'ctrl+u';

/** From Host, fills the text fields (Ctrl-u clears each first) and comes back to Host. */
async function fill(
  app: ReturnType<typeof open>,
  values: { host?: string; port?: string; database?: string; user?: string; password?: string },
) {
  const fields = ['host', 'port', 'database', 'user', 'password'] as const;
  for (const field of fields) {
    const value = values[field];
    if (value !== undefined) {
      await app.press(CLEAR);
      await app.type(value);
    }
    await app.pressCommand('form.next');
  }
  // SSL mode → Remember → Engine → Host.
  await app.press('tab', 'tab', 'tab');
  await app.waitForText(/› Host/);
}

describe('connection form', () => {
  it('checks every field inline before any connection attempt', async () => {
    const app = open();
    await app.waitForText('Source connection');
    await app.pressCommand('connection.test');
    let frame = await app.waitForText('Host is required');
    expect(frame).toContain('User is required');
    expect(frame).toContain('Fix the fields marked in red first');

    await app.type('bad host');
    await app.waitForText('"bad host" is not a host name');
    await app.press(CLEAR);
    await app.type('127.0.0.1');
    await app.press('tab', 'tab', 'tab');
    await app.type('u');
    await app.press('shift+tab', 'shift+tab');
    await app.waitForText(/› Port/);
    for (const [port, message] of [
      ['0', 'Port must be from 1 to 65535 (not 0)'],
      ['70000', 'Port must be from 1 to 65535 (not 70000)'],
      ['abc', 'Port must be a number from 1 to 65535 (not "abc")'],
    ]) {
      await app.press(CLEAR);
      await app.type(port!);
      await app.waitForText(message!);
      await app.pressCommand('connection.test');
      frame = await app.waitForText('Fix the fields marked in red first');
      expect(frame).not.toContain('Testing');
      expect(frame).toMatch(/› Port/);
    }
    // The engine is a choice: ← / → cycle it and the default port follows.
    await app.press(CLEAR, 'shift+tab', 'shift+tab');
    await app.waitForText(/› Engine/);
    await app.pressCommand('form.choiceNext');
    frame = await app.waitForText('MySQL');
    expect(frame).toMatch(/Port\s+3306/);
    expect(accepted).toBe(0);
    // Saving is refused the same way.
    await app.press('tab', CLEAR, 'ctrl+s');
    await app.waitForText('Host is required');
    expect(store.get('c')?.source).toBeNull();
    app.unmount();
  });

  it('reports a timeout and an unreachable host in one line', async () => {
    const app = open();
    await app.waitForText('Source connection');
    await fill(app, { host: '127.0.0.1', port: String(silentPort), user: 'x' });
    await app.pressCommand('connection.test');
    let frame = await app.waitForText(`✗ Timed out connecting to 127.0.0.1:${silentPort}`);
    expect(accepted).toBeGreaterThan(0);
    await fill(app, { port: '1' });
    await app.pressCommand('connection.test');
    frame = await app.waitForText('✗ Connection refused by 127.0.0.1:1');
    expect(frame.split('\n').filter((l) => l.includes('✗'))).toHaveLength(1);
    app.unmount();
  });

  it.skipIf(!pg.ok)(`connects for real and shows the server version (${pg.reason})`, async () => {
    const app = open();
    await app.waitForText('Source connection');
    await fill(app, {
      host: pg.spec.host,
      port: String(pg.spec.port),
      database: pg.spec.database,
      user: pg.spec.user,
      password: SECRET,
    });
    await app.pressCommand('connection.test');
    await app.waitForText(/✓ Connected: PostgreSQL \d+/);
    // Save without "remember": the password is used this run, never written.
    await app.pressCommand('connection.save');
    await waitFor(() => expect(store.get('c')?.source?.host).toBe(pg.spec.host));
    expect(store.get('c')?.source?.password).toBe(SECRET);
    expect(openProjects(configDir).needsPassword('c', 'source')).toBe(true);
    app.unmount();
  });

  it.skipIf(!pg.ok || !my.ok)(
    `says the server does not speak the engine's protocol when the port is the other engine's (${pg.reason}; ${my.reason})`,
    async () => {
      const app = open();
      await app.waitForText('Source connection');
      // PostgreSQL pointed at the MariaDB port.
      await fill(app, { host: my.spec.host, port: String(my.spec.port), user: 'postgres' });
      await app.pressCommand('connection.test');
      let frame = await app.waitForText(`does not speak PostgreSQL`);
      expect(frame).not.toMatch(/copyData|invalid response/);
      // MariaDB pointed at the PostgreSQL port.
      await app.press('shift+tab', 'right', 'right', 'tab');
      await app.waitForText('MariaDB');
      await fill(app, { host: pg.spec.host, port: String(pg.spec.port), user: 'root' });
      await app.pressCommand('connection.test');
      frame = await app.waitForText('does not speak MySQL or MariaDB');
      expect(frame).not.toContain('Timed out');
      app.unmount();
    },
  );

  it.skipIf(!my.ok)(`shows a wrong password as one line (${my.reason})`, async () => {
    const app = open('target');
    await app.waitForText('Target connection');
    await app.press('shift+tab', 'right', 'right', 'tab');
    await app.waitForText('MariaDB');
    await fill(app, {
      host: my.spec.host,
      port: String(my.spec.port),
      user: 'dmst_nobody',
      password: SECRET,
    });
    await app.pressCommand('connection.test');
    await app.waitForText(/✗ Authentication failed for user "dmst_nobody"/);
    app.unmount();
  });
});

describe('remember password', () => {
  it.skipIf(!pg.ok)('writes the password only when ticked, to a 0600 file', async () => {
    const app = open();
    await app.waitForText('Source connection');
    const remembered = `remember-${Math.random().toString(36).slice(2, 8)}`;
    await fill(app, { host: '127.0.0.1', user: 'postgres', password: remembered });
    // Tick "remember" (the last field): Shift-Tab from Host wraps to it.
    await app.press('shift+tab', 'shift+tab');
    await app.waitForText(/› Remember password/);
    await app.pressCommand('form.choiceNext', 'space');
    await app.waitForText('[x]');
    await app.pressCommand('connection.save');
    await waitFor(() => expect(openProjects(configDir).remembers('c', 'source')).toBe(true));
    const file = join(configDir, 'projects.json');
    expect(readFileSync(file, 'utf8')).toContain(remembered);
    expect(fileMode(file)).toBe(0o600);
    app.unmount();
  });
});
