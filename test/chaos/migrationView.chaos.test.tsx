// Chaos: the Data Migration View polling and acting against a sandbox started with
// --chaos throttle=0.3,latency=50-800,reset=0.05. The app must keep running with no unhandled
// rejection, and once chaos ends (the sandbox restarts clean on the same port and data) the
// list must converge to the truth. The soak lasts DMS_TUI_CHAOS_SECONDS: 8 s inside `npm test`
// (enough for dozens of keys against throttling, latency and resets, and the convergence after),
// 300 s with `npm run soak` (bench/soak.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../src/shell/App.js';
import { listTasks } from '../../src/aws/tasks.js';
import { createAwsClients } from '../../src/aws/clients.js';
import { renderInk } from '../support/ink.js';
import { sandboxServices, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';

const SOAK_SECONDS = Number(process.env.DMS_TUI_CHAOS_SECONDS ?? 8);
const CHAOS = 'throttle=0.3,latency=50-800,reset=0.05';

let sb: TestSandbox;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  sb = await startTestSandbox({ chaos: CHAOS, fakeEngine: true, endpoints: true });
  sb.engine.mode = 'complete';
  for (const id of ['chaos-a', 'chaos-b', 'chaos-c', 'chaos-d', 'chaos-e']) await sb.createTask(id);
}, 120_000);

afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await sb?.close();
});

// A fixed, seeded key sequence: moves, actions, dialogs answered or cancelled, other screens
// opened and left, sorting and filtering. Never `q`.
const KEYS = [
  'j',
  'k',
  's',
  '\r',
  'x',
  'R',
  'r',
  'o',
  'O',
  't',
  '\u001b',
  'l',
  'f',
  '\u001b',
  'y',
  '\u001b',
  '\u0004',
  'n',
  'j',
  '/',
  'c',
  '\r',
  '/',
  '\u001b',
  ' ',
  ' ',
  'G',
  'g',
];

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe(`chaos (${CHAOS}) for ${SOAK_SECONDS}s`, () => {
  it(
    'keeps running with no unhandled rejection and converges to the truth after chaos',
    async () => {
      // Few client retries, so the app itself sees throttling and resets, not just the SDK.
      const clients = createAwsClients(sb.target, { maxAttempts: 2 });
      const app = renderInk(
        <App
          services={sandboxServices(sb, { clients, refreshSeconds: 1 })}
          initialRoute={{ screen: 'tasks' }}
        />,
      );
      await app.waitForText('chaos-', 60_000);
      const next = random(42);
      const until = Date.now() + SOAK_SECONDS * 1000;
      let presses = 0;
      while (Date.now() < until) {
        const key = KEYS[Math.floor(next() * KEYS.length)] ?? 'j';
        app.stdin.write(key);
        presses++;
        await new Promise((r) => setTimeout(r, 150 + Math.floor(next() * 350)));
        expect(app.lastFrame()).toContain('dms-tui ›');
      }
      expect(presses).toBeGreaterThan(SOAK_SECONDS);
      expect(rejections).toEqual([]);

      // Chaos ends: the same sandbox, same port and data, without chaos.
      await sb.restart();
      for (let i = 0; i < 4; i++) await app.press('escape');
      await app.waitForText('dms-tui › Tasks');
      await app.pressCommand('list.filter');
      await app.pressCommand('prompt.cancel');
      const truth = await waitFor(
        async () => {
          const { tasks } = await listTasks(sb.clients);
          expect(
            tasks.every(
              (t) => !['starting', 'stopping', 'deleting', 'creating'].includes(t.status),
            ),
          ).toBe(true);
          return tasks;
        },
        { timeout: 30_000 },
      );
      await app.pressCommand('task.refresh');
      await waitFor(
        () => {
          const frame = app.lastFrame() ?? '';
          for (const t of truth) expect(frame).toMatch(new RegExp(`${t.id}\\s+${t.status} ·`));
          expect(frame).toContain(`${truth.length} task`);
        },
        { timeout: 90_000, interval: 250 },
      );
      expect(rejections).toEqual([]);
      app.unmount();
      clients.destroy();
    },
    (SOAK_SECONDS + 240) * 1000,
  );
});
