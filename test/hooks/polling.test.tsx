import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Services, ServicesProvider } from '../../src/ui/services.js';
import { createAwsClients } from '../../src/aws/clients.js';
import { deleteTask, listTasks } from '../../src/aws/tasks.js';
import { backoffDelay } from '../../src/hooks/usePolling.js';
import { type TasksApi, useTasks } from '../../src/hooks/useTasks.js';
import {
  sandboxServices as testServices,
  startTestSandbox,
  type TestSandbox,
} from '../support/sandbox.js';
import { waitFor } from '../support/wait.js';
import { ManualScheduler } from '../support/scheduler.js';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox({ fakeEngine: true, endpoints: true });
  for (let i = 0; i < 105; i++) await sb.createTask(`poll-${String(i).padStart(3, '0')}`);
});
afterAll(async () => {
  await sb?.close();
});

interface ProbeProps {
  active: boolean;
  scheduler: ManualScheduler;
  intervalMs: number;
  out: { current?: TasksApi };
}

function Probe({ active, scheduler, intervalMs, out }: ProbeProps) {
  const value = useTasks({ active, scheduler, intervalMs });
  out.current = value;
  return (
    <Text>{`tasks=${value.tasks.length} fetches=${value.fetches} failures=${value.failures}`}</Text>
  );
}

function Harness({ services, ...probe }: ProbeProps & { services: Services }) {
  return (
    <ServicesProvider services={services}>
      <Probe {...probe} />
    </ServicesProvider>
  );
}

function mount(services: Services, scheduler: ManualScheduler, active = true, intervalMs = 5000) {
  const out: { current?: TasksApi } = {};
  const props = { services, scheduler, intervalMs, out };
  const r = render(<Harness {...props} active={active} />);
  return { ...r, out, setActive: (on: boolean) => r.rerender(<Harness {...props} active={on} />) };
}

describe('useTasks polling against the sandbox (manual scheduler)', () => {
  it('fetches at once, then every interval; all pages beyond 100 tasks in ceil(n/100) calls', async () => {
    const scheduler = new ManualScheduler();
    const { out, unmount } = mount(testServices(sb), scheduler);
    await waitFor(() => expect(out.current?.tasks.length).toBe(105));
    expect(out.current?.data?.calls).toBe(2);
    await waitFor(() => expect(scheduler.pending.size).toBe(1));
    expect(scheduler.delays).toEqual([5000]);
    scheduler.fire();
    await waitFor(() => expect(out.current?.fetches).toBe(2));
    await waitFor(() => expect(scheduler.pending.size).toBe(1));
    expect(scheduler.delays).toEqual([5000, 5000]);
    unmount();
    expect(scheduler.pending.size).toBe(0);
  });

  it('keeps one fetch in flight: a refresh during a fetch runs once after it', async () => {
    const scheduler = new ManualScheduler();
    const { out, unmount } = mount(testServices(sb), scheduler);
    out.current?.refresh();
    out.current?.refresh();
    await waitFor(() => expect(out.current?.fetches).toBe(2));
    await waitFor(() => expect(scheduler.pending.size).toBe(1));
    expect(out.current?.fetches).toBe(2);
    unmount();
  });

  it('pauses while hidden and fetches again at once when shown', async () => {
    const scheduler = new ManualScheduler();
    const { out, setActive, unmount } = mount(testServices(sb), scheduler, false);
    expect(out.current?.fetches).toBe(0);
    expect(scheduler.pending.size).toBe(0);
    setActive(true);
    await waitFor(() => expect(out.current?.tasks.length).toBe(105));
    await waitFor(() => expect(scheduler.pending.size).toBe(1));
    setActive(false);
    await waitFor(() => expect(scheduler.pending.size).toBe(0));
    unmount();
  });

  it('backs off on throttling with the reason, keeps the last data, recovers', async () => {
    // A front that answers ThrottlingException while `throttle` is on, else forwards to the sandbox.
    let throttle = false;
    const front: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', async () => {
        if (throttle) {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
          res.end(JSON.stringify({ __type: 'ThrottlingException', message: 'Rate exceeded' }));
          return;
        }
        const upstream = await fetch(sb.sandbox.url, {
          method: 'POST',
          headers: Object.fromEntries(
            Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length'),
          ) as Record<string, string>,
          body: Buffer.concat(chunks),
        });
        res.writeHead(upstream.status, Object.fromEntries(upstream.headers.entries()));
        res.end(Buffer.from(await upstream.arrayBuffer()));
      });
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    const target = { sandbox: true, endpointUrl: url, region: 'us-east-1' };
    const clients = createAwsClients(target, { maxAttempts: 1 });
    const scheduler = new ManualScheduler();
    const { out, unmount } = mount(testServices(sb, { target, clients }), scheduler);
    await waitFor(() => expect(out.current?.tasks.length).toBe(105));
    await waitFor(() => expect(scheduler.pending.size).toBe(1));
    throttle = true;
    scheduler.fire();
    await waitFor(() => expect(out.current?.failures).toBe(1));
    expect(out.current?.error).toMatch(/Throttled.*Rate exceeded/);
    expect(out.current?.tasks.length).toBe(105);
    await waitFor(() => expect(scheduler.pending.size).toBe(1));
    scheduler.fire();
    await waitFor(() => expect(out.current?.failures).toBe(2));
    await waitFor(() => expect(scheduler.pending.size).toBe(1));
    expect(scheduler.delays).toEqual([5000, 10_000, 20_000]);
    throttle = false;
    scheduler.fire();
    await waitFor(() => expect(out.current?.failures).toBe(0));
    expect(out.current?.error).toBeUndefined();
    await waitFor(() => expect(scheduler.delays.at(-1)).toBe(5000));
    unmount();
    clients.destroy();
    await new Promise((r) => front.close(r));
  });

  it('backoff is capped', () => {
    expect(backoffDelay(5000, 0, 60_000)).toBe(5000);
    expect(backoffDelay(5000, 3, 60_000)).toBe(40_000);
    expect(backoffDelay(5000, 9, 60_000)).toBe(60_000);
  });

  it('sees deletions on the next refresh', async () => {
    const scheduler = new ManualScheduler();
    const { out, unmount } = mount(testServices(sb), scheduler);
    await waitFor(() => expect(out.current?.tasks.length).toBe(105));
    const { tasks } = await listTasks(sb.clients);
    await deleteTask(sb.clients, tasks[0]!.arn);
    await waitFor(async () => expect((await listTasks(sb.clients)).tasks.length).toBe(104));
    await waitFor(() => expect(scheduler.pending.size).toBe(1));
    scheduler.fire();
    await waitFor(() => expect(out.current?.tasks.length).toBe(104));
    unmount();
  });
});
