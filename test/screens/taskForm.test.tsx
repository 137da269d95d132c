// The Create DMS Task form against an in-process sandbox (real SDK clients), with the real
// PostgreSQL and MariaDB behind the endpoints it creates.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeReplicationTasksCommand } from '@aws-sdk/client-database-migration-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/model/project.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { serverAvailable } from '../support/servers.js';
import { lineWith, memoryDrafts, renderForm, sandboxServices } from './taskFormSupport.js';

const pg = await serverAvailable('postgres');
const mysql = await serverAvailable('mysql');

let sandbox: TestSandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = mkdtempSync(join(tmpdir(), 'dmst-taskform-'));
});
afterAll(async () => {
  await sandbox?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const TAB = (n: number) => Array.from({ length: n }, () => 'tab');
// Field positions in SCT order (LOB size shown).
const F = { name: 0, instance: 1, source: 2, target: 3, lobMode: 6, lobSize: 7, mappings: 9 };

function project(overrides: Partial<Project> = {}): Project {
  return {
    name: 'shop',
    profile: 'sandbox',
    source: { ...pg.spec, password: 'pg-secret-123' },
    target: { ...mysql.spec, password: undefined },
    ...overrides,
  };
}

describe('task form: inline validation before any request', () => {
  it('checks the task name as it is typed', async () => {
    const ui = renderForm(sandboxServices(sandbox.url), {
      selection: { schemas: ['sales'], tables: [] },
    });
    await ui.waitForText('sandbox · dms.t3.medium');
    expect(lineWith(ui.frame(), 'Task name')).toContain('sales');
    await ui.press(...Array(5).fill('backspace'));
    await ui.waitForText('Task name is required');
    await ui.type('a--b');
    await ui.waitForText('must not contain two hyphens in a row');
    await ui.press('backspace', 'backspace');
    await ui.waitForText('must not end with a hyphen');
    await ui.type('é');
    await ui.waitForText('only ASCII letters, digits and hyphens (not "é")');
    await ui.press('backspace');
    await ui.type('b');
    await ui.waitFor((f) => !f.includes('✗') && lineWith(f, 'Task name').includes('a-b'), {
      what: 'a-b',
    });
    ui.unmount();
  });

  it('Create with nothing chosen points at the endpoints without sending anything', async () => {
    const ui = renderForm(sandboxServices(sandbox.url), {
      selection: { schemas: ['sales'], tables: [] },
    });
    await ui.waitForText('sandbox · dms.t3.medium');
    await ui.pressCommand('form.create');
    await ui.waitForText('Choose or create a source endpoint (Enter)');
    expect(ui.frame()).toContain('Choose or create a target endpoint (Enter)');
    expect(lineWith(ui.frame(), 'Source endpoint')).toContain('›');
    ui.unmount();
  });

  it('checks the LOB size for the chosen mode', async () => {
    const ui = renderForm(sandboxServices(sandbox.url), {
      selection: { schemas: ['sales'], tables: [] },
    });
    await ui.waitForText('Max LOB size (KB)');
    await ui.press(...TAB(F.lobSize));
    await ui.waitForText('› Max LOB size (KB)');
    await ui.press('backspace', 'backspace');
    await ui.type('0');
    await ui.pressCommand('form.next');
    await ui.waitForText('Max LOB size (KB) must be between 1 and 102400');
    await ui.press('shift+tab', 'shift+tab', 'left');
    await ui.waitForText('LOB chunk size (KB)');
    expect(ui.frame()).not.toContain('must be between');
    await ui.pressCommand('form.choicePrevious');
    await ui.waitFor((f) => !f.includes('LOB size') && !f.includes('chunk size'), {
      what: 'size field hidden',
    });
    expect(lineWith(ui.frame(), 'Include LOB columns')).toContain("Don't include LOB columns");
    ui.unmount();
  });

  it('edits the table mappings and refuses an empty list', async () => {
    const ui = renderForm(sandboxServices(sandbox.url), {
      selection: { schemas: [], tables: [{ schema: 'public', table: 'orders' }] },
    });
    await ui.waitForText('1 rule: include public.orders');
    await ui.press(...TAB(F.mappings), 'enter');
    await ui.waitForText('Table mappings: selection rules');
    await ui.pressCommand('form.ruleDelete');
    await ui.waitForText('Add at least one rule');
    await ui.pressCommand('form.ruleAdd');
    await ui.waitForText('Add include rule');
    await ui.press('backspace');
    await ui.type('sales');
    await ui.press('tab', 'backspace');
    await ui.type('ord_r%');
    await ui.press('enter');
    await ui.waitFor((f) => /include\s+sales\s+ord_r%/.test(f), { what: 'the new rule' });
    await ui.pressCommand('form.ruleToggle');
    await ui.waitFor((f) => /exclude\s+sales\s+ord_r%/.test(f), { what: 'the rule excluded' });
    await ui.waitForText('At least one rule must include tables');
    await ui.press('t', 'escape');
    await ui.waitForText('1 rule: include sales.ord_r%');
    ui.unmount();
  });

  it('asks before discarding a changed form, and keeps a draft that is offered back', async () => {
    const drafts = memoryDrafts();
    const services = sandboxServices(sandbox.url, { project: project(), taskDrafts: drafts });
    const ui = renderForm(services, { selection: { schemas: ['sales'], tables: [] } });
    await ui.waitForText('sandbox · dms.t3.medium');
    await ui.type('-x');
    await ui.pressCommand('nav.back');
    await ui.waitForText('Discard this task form?');
    await ui.pressCommand('dialog.cancel', 'n');
    await ui.waitFor((f) => !f.includes('Discard'), { what: 'dialog closed' });
    // Leaving by quitting: the draft stays in the project.
    ui.unmount();
    expect(drafts.load('shop')?.values.name).toBe('sales-x');
    expect(JSON.stringify(drafts.load('shop'))).not.toContain('pg-secret');

    const again = renderForm(services, { selection: { schemas: ['sales'], tables: [] } });
    await again.waitForText('Restore the draft?');
    await again.pressCommand('dialog.confirm', 'y');
    await again.waitFor((f) => lineWith(f, 'Task name').includes('sales-x'), {
      what: 'restored name',
    });
    await again.pressCommand('nav.back');
    await again.waitForText('Discard this task form?');
    await again.pressCommand('dialog.confirm', 'y');
    await again.waitFor(() => drafts.load('shop') === undefined, { what: 'draft cleared' });
    again.unmount();
  });
});

describe.skipIf(!pg.ok || !mysql.ok)(
  `task form with new endpoints (${pg.reason}; ${mysql.reason})`,
  () => {
    it('creates endpoints from the connections, tests them, previews, saves and creates the task', async () => {
      const drafts = memoryDrafts();
      const services = sandboxServices(sandbox.url, {
        project: project({ target: { ...mysql.spec, password: 'wrong-password' } }),
        taskDrafts: drafts,
      });
      const ui = renderForm(services, { selection: { schemas: ['public'], tables: [] } });
      await ui.waitForText('sandbox · dms.t3.medium');

      // Source: Create new… prefilled from the PostgreSQL connection.
      await ui.press(...TAB(F.source), 'enter');
      await ui.waitForText('Create new source endpoint…');
      await ui.press('up', 'enter');
      await ui.waitForText('Create new source endpoint (prefilled');
      let f = ui.frame();
      expect(lineWith(f, 'Endpoint identifier')).toContain('shop-source');
      expect(lineWith(f, 'Source engine')).toContain('PostgreSQL');
      expect(lineWith(f, 'Server name')).toContain(pg.spec.host);
      expect(lineWith(f, 'Port')).toContain(String(pg.spec.port));
      expect(lineWith(f, 'Database name')).toContain(pg.spec.database);
      expect(f).not.toContain('pg-secret-123');
      expect(lineWith(f, 'Password')).toContain('•••••');
      // The endpoint preview hides the password.
      await ui.pressCommand('form.preview', 'ctrl+p');
      await ui.waitForText('CreateEndpoint input (password hidden)');
      expect(ui.frame()).toContain('"Password": "********"');
      expect(ui.frame()).not.toContain('pg-secret-123');
      await ui.pressCommand('dialog.cancel');
      await ui.waitForText('Create new source endpoint (prefilled');
      await ui.pressCommand('form.create');
      await ui.waitFor((f) => lineWith(f, 'Source endpoint').includes('shop-source'), {
        what: 'source set',
      });
      await ui.waitFor((f) => lineWith(f, 'Source endpoint').includes('✓ connection successful'), {
        what: 'test ok',
        timeout: 20_000,
      });
      // The "testing…" line ends with the test: the status line says how it went.
      await ui.waitForText('Connection test of shop-source: successful');
      expect(ui.frame()).not.toContain('testing the connection from the instance');

      // Target: from the MariaDB connection with a wrong password: DMS's message shows.
      await ui.press('tab', 'enter');
      await ui.waitForText('Create new target endpoint…');
      await ui.pressCommand('dialog.confirm');
      await ui.waitForText('Create new target endpoint (prefilled');
      expect(lineWith(ui.frame(), 'Target engine')).toContain('MariaDB');
      await ui.pressCommand('form.create');
      await ui.waitFor((f) => lineWith(f, 'Target endpoint').includes('✗ connection failed'), {
        what: 'test failed',
        timeout: 20_000,
      });
      f = ui.frame();
      expect(f).toMatch(/Connection test failed: Error Details: \[errType=ERROR_RESPONSE/);
      expect(f).toMatch(/Authentication failed for user/);
      expect(f).not.toContain('wrong-password');

      // Preview: the exact input, never a password.
      await ui.pressCommand('form.preview');
      await ui.waitForText('CreateReplicationTask input');
      f = ui.frame();
      expect(f).toContain('"ReplicationTaskIdentifier": "public"');
      expect(f).toContain('"MigrationType": "full-load"');
      expect(f).not.toMatch(/pg-secret-123|wrong-password|Password/);
      await ui.pressCommand('list.bottom');
      await ui.waitForText('lines 97–113 of 113');
      expect(ui.frame()).toContain('FILE_TRANSFER');
      await ui.pressCommand('dialog.cancel');
      // Esc and the next key must not arrive as one chunk (Alt-w): wait for the form first.
      await ui.waitFor((f) => !f.includes('CreateReplicationTask input'), {
        what: 'preview closed',
      });

      // Save JSON (asks before overwriting).
      const path = join(dir, 'public.json');
      await ui.pressCommand('form.save');
      await ui.waitForText('Save the CreateReplicationTask input as JSON');
      await ui.press(...Array('public.json'.length).fill('backspace'));
      await ui.type(path);
      await ui.pressCommand('prompt.accept');
      await ui.waitForText(`Saved ${path}`);
      const saved = JSON.parse(readFileSync(path, 'utf8'));
      expect(saved.ReplicationTaskIdentifier).toBe('public');
      expect(typeof saved.TableMappings).toBe('string');
      expect(readFileSync(path, 'utf8')).not.toMatch(/pg-secret-123|wrong-password/);
      await ui.pressCommand('form.save');
      await ui.press(...Array('public.json'.length).fill('backspace'));
      await ui.type(path);
      await ui.pressCommand('prompt.accept');
      await ui.waitForText('exists. Overwrite it?');
      await ui.pressCommand('dialog.cancel', 'n');
      await ui.waitFor((f) => !f.includes('Overwrite it?'), { what: 'the path prompt again' });
      await ui.pressCommand('prompt.cancel');
      await ui.waitFor((f) => !f.includes('Save the CreateReplicationTask'), {
        what: 'save closed',
      });

      // Create: the target's failed test is named and asked about first; then not start: the
      // task exists, the draft is gone.
      await ui.pressCommand('form.create');
      f = await ui.waitForText('Create the task anyway?');
      expect(f).toMatch(/shop-target: its last connection test failed/);
      expect(f).not.toMatch(/shop-source: its/);
      await ui.pressCommand('dialog.confirm');
      await ui.waitForText('Task public created');
      await ui.pressCommand('dialog.cancel', 'n');
      await ui.waitFor((f) => !f.includes('Task public created'), { what: 'left the form' });
      const out = await sandbox.dms.send(
        new DescribeReplicationTasksCommand({
          Filters: [{ Name: 'replication-task-id', Values: ['public'] }],
        }),
      );
      const task = out.ReplicationTasks?.[0];
      expect(task?.MigrationType).toBe('full-load');
      expect(JSON.parse(task?.TableMappings ?? '{}')).toEqual(JSON.parse(saved.TableMappings));
      expect(drafts.load('shop')).toBeUndefined();
      ui.unmount();

      // A second form with the same name: the server's error shows at the task name.
      const second = renderForm(sandboxServices(sandbox.url, { project: project() }), {
        selection: { schemas: ['public'], tables: [] },
      });
      await second.waitFor((f) => lineWith(f, 'Source endpoint').includes('shop-source'), {
        what: 'source preselected',
      });
      await second.waitFor((f) => lineWith(f, 'Task name').includes('public-2'), {
        what: 'a free name',
      });
      await second.press(...Array(2).fill('backspace'));
      await second.press('tab', 'tab', 'tab', 'enter');
      await second.waitForText('Create new target endpoint…');
      await second.press('up', 'enter'); // the existing target endpoint
      await second.pressCommand('form.create');
      await second.waitForText('Create the task anyway?');
      await second.pressCommand('dialog.confirm');
      await second.waitFor(
        (f) => /Task name[\s\S]*✗ ReplicationTaskIdentifier already in use/.test(f),
        { what: 'the server error at the name' },
      );
      second.unmount();
    });
  },
);
