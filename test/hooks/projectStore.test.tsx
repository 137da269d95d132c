// The project store as screens use it (changes return one error line, the list follows), and
// the connection form's database test on the paths that need no server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { ServicesProvider } from '../../src/ui/services.js';
import { openProjects } from '../../src/config/projects.js';
import {
  type DbConnectionTestApi,
  useDbConnectionTest,
} from '../../src/hooks/useDbConnectionTest.js';
import { type ProjectStoreApi, useProjectStore } from '../../src/hooks/useProjectStore.js';
import { waitFor } from '../support/wait.js';
import { testServices } from '../support/services.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function StoreProbe({ out }: { out: { current?: ProjectStoreApi } }) {
  const store = useProjectStore();
  out.current = store;
  return <Text>{`projects=${store.projects.map((p) => p.name).join(',')}`}</Text>;
}

describe('useProjectStore', () => {
  it('creates, renames and removes, returning errors as one line and re-reading the list', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dmst-store-hook-'));
    const opened: (string | null)[] = [];
    const services = testServices({
      projects: openProjects(join(dir, 'config')),
      openProject: (name) => opened.push(name),
    });
    const out: { current?: ProjectStoreApi } = {};
    const app = render(
      <ServicesProvider services={services}>
        <StoreProbe out={out} />
      </ServicesProvider>,
    );
    const store = () => out.current as ProjectStoreApi;
    expect(store().available).toBe(true);
    expect(store().create('alpha')).toBeNull();
    await waitFor(() => expect(app.lastFrame()).toContain('projects=alpha'));
    expect(store().create('ALPHA')).toMatch(/already exists/);
    expect(store().rename('alpha', 'beta')).toBeNull();
    await waitFor(() => expect(app.lastFrame()).toContain('projects=beta'));
    expect(
      store()
        .list()
        .map((p) => p.name),
    ).toEqual(['beta']);
    expect(store().importFrom(join(dir, 'missing.json'))).toEqual({
      error: `No such file: ${join(dir, 'missing.json')}`,
    });
    // Only the open project is re-opened.
    store().reopenIfCurrent('beta');
    expect(opened).toEqual([]);
    expect(store().remove('beta')).toBeNull();
    await waitFor(() => expect(app.lastFrame()).toContain('projects='));
    expect(store().remove('beta')).toBe('No project named "beta"');
    app.unmount();
  });

  it('says there is no store in a run without one', () => {
    const out: { current?: ProjectStoreApi } = {};
    const app = render(
      <ServicesProvider services={testServices()}>
        <StoreProbe out={out} />
      </ServicesProvider>,
    );
    expect(out.current?.available).toBe(false);
    expect(out.current?.create('x')).toBe('No project store in this run');
    app.unmount();
  });
});

function TestProbe({ out }: { out: { current?: DbConnectionTestApi } }) {
  const test = useDbConnectionTest({ timeoutMs: 500 });
  out.current = test;
  const t = test.test;
  return <Text>{t.state === 'failed' ? `failed: ${t.message}` : t.state}</Text>;
}

describe('useDbConnectionTest', () => {
  it('fails at once for an engine it cannot connect to, and resets', async () => {
    const out: { current?: DbConnectionTestApi } = {};
    const app = render(<TestProbe out={out} />);
    out.current?.run({
      engine: 'oracle',
      host: 'db.example.com',
      port: 1521,
      database: 'ORCL',
      user: 'app',
      sslMode: 'none',
    });
    await waitFor(() => expect(app.lastFrame()).toMatch(/failed: Oracle.*cannot connect itself/));
    out.current?.reset();
    await waitFor(() => expect(app.lastFrame()).toBe('idle'));
    out.current?.fail('Fix the fields marked in red first');
    await waitFor(() => expect(app.lastFrame()).toContain('failed: Fix the fields'));
    app.unmount();
  });
});
