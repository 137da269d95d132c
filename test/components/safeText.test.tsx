// Every shared component draws outside text with its control characters visible, and a 1 MB
// field costs a frame what a short one does (the frame stays small); no screen, component or
// shell file draws with Ink's Text directly, so nothing bypasses the filter.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ConfirmDialog } from '../../src/components/ConfirmDialog.js';
import { JsonView } from '../../src/components/JsonView.js';
import { LogPane } from '../../src/components/LogPane.js';
import { StatusBar } from '../../src/components/StatusBar.js';
import { Table } from '../../src/components/Table.js';
import { Text } from '../../src/components/Text.js';
import { Tree } from '../../src/components/Tree.js';
import { Picker } from '../../src/screens/TaskForm/Picker.js';
import { KeyDispatcher } from '../../src/ui/bindings.js';
import { NavigationProvider } from '../../src/ui/navigation.js';
import { StatusProvider } from '../../src/ui/status.js';
import { HOSTILE, HOSTILE_SHOWN, RAW_CONTROL, withoutSgr } from '../support/controls.js';

const MEGABYTE = `${HOSTILE}${'s'.repeat(1_000_000)}`;

function draw(node: ReactNode): string {
  const app = render(
    <StatusProvider>
      <NavigationProvider initial={{ screen: 'tasks' }}>
        <KeyDispatcher readOnly={false}>{node}</KeyDispatcher>
      </NavigationProvider>
    </StatusProvider>,
  );
  const frame = withoutSgr(app.lastFrame() ?? '');
  app.unmount();
  return frame;
}

function expectSafe(frame: string, shown = HOSTILE_SHOWN) {
  expect(frame).not.toMatch(RAW_CONTROL);
  // Wide enough for the whole escape in every test below.
  expect(frame.replace(/\s*\n\s*/g, '')).toContain(shown.slice(0, 30));
}

const columns = [
  { id: 'name', title: 'NAME', width: 60, priority: 0 },
  { id: 'server', title: 'SERVER', width: 30, priority: 1 },
] as const;

describe('shared components draw outside text visibly', () => {
  it('Table cells', () => {
    const frame = draw(
      <Table
        columns={columns}
        rows={[{ name: HOSTILE, server: MEGABYTE }]}
        rowKey={(r) => r.name}
        cells={(r) => ({ name: r.name, server: r.server })}
        cursor={{ index: 0, offset: 0 }}
        height={5}
        width={100}
      />,
    );
    expectSafe(frame);
    expect(frame.length).toBeLessThan(1000);
  });

  it('Tree rows and suffixes', () => {
    const row = { id: 'a', depth: 0, label: MEGABYTE, expandable: true, expanded: false };
    const frame = draw(
      <Tree
        rows={[row, { ...row, id: 'b', label: HOSTILE }]}
        cursor={0}
        offset={0}
        height={4}
        width={120}
        active
        decorate={() => ({ suffix: 'ok' })}
      />,
    );
    expectSafe(frame);
    expect(frame.length).toBeLessThan(2000);
  });

  it('LogPane lines, cut to the pane unless wrapping', () => {
    const lines = [{ index: 0, line: { timestamp: 0, raw: MEGABYTE } }];
    for (const wrap of [false, true]) {
      const frame = draw(
        <LogPane lines={lines} focusedIndex={0} width={100} wrap={wrap} timestamps={false} />,
      );
      expectSafe(frame);
      expect(frame.length).toBeLessThan(wrap ? 3000 : 200);
    }
  });

  it('JsonView: C1 and bidi as \\u escapes, a 1 MB value cut', () => {
    const frame = draw(<JsonView value={{ ServerName: MEGABYTE, Name: HOSTILE }} height={10} />);
    expect(frame).not.toMatch(RAW_CONTROL);
    expect(frame).toContain('\\u001b]0;PWNED\\u0007');
    expect(frame).toContain('\\u202etxt.exe\\u0085');
    expect(frame.length).toBeLessThan(3000);
  });

  it('StatusBar messages and dialog messages', () => {
    const bar = draw(
      <StatusBar
        target={{ sandbox: true, endpointUrl: 'http://127.0.0.1:9' }}
        readOnly={false}
        status={{ refreshing: false, error: MEGABYTE }}
        width={200}
      />,
    );
    expectSafe(bar);
    expect(bar.length).toBeLessThan(300);
    const dialog = draw(
      <ConfirmDialog title={HOSTILE} message={MEGABYTE} onConfirm={() => {}} onCancel={() => {}} />,
    );
    expectSafe(dialog);
    expect(dialog.length).toBeLessThan(20_000);
  });

  it('the endpoint picker with a 1 MB ServerName draws a bounded frame', () => {
    const items = [
      { key: 'a', label: HOSTILE, detail: `postgres · ${MEGABYTE}:5432/db` },
      { key: 'b', label: 'ok', detail: 'postgres · db.example.com:5432/db' },
    ];
    const frame = draw(
      <Picker
        title="Source endpoint"
        items={items}
        height={8}
        onPick={() => {}}
        onClose={() => {}}
      />,
    );
    expectSafe(frame);
    expect(frame).toContain('db.example.com:5432/db');
    expect(frame.length).toBeLessThan(3000);
  });

  it('Text: each string child, nested or in a list', () => {
    const frame = draw(
      <Text>
        {HOSTILE}
        {[<Text key="n">{HOSTILE}</Text>]}
        {42}
      </Text>,
    );
    expect(frame).not.toMatch(RAW_CONTROL);
    expect(frame.replace(/\n/g, '').split(HOSTILE_SHOWN)).toHaveLength(3);
  });
});

describe('every drawing file goes through the filter', () => {
  // TextField draws what the user is typing; it moves to ../Text.js with the key-input work.
  const ALLOWED = new Set(['src/components/Text.tsx', 'src/components/form/TextField.tsx']);

  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  }

  it("no screen, component or shell file takes Text from 'ink'", () => {
    const offenders = ['src/screens', 'src/components', 'src/shell']
      .flatMap(files)
      .filter((file) => !ALLOWED.has(file))
      .filter((file) =>
        /import\s*\{[^}]*\bText\b[^}]*\}\s*from\s*'ink'/.test(readFileSync(file, 'utf8')),
      );
    expect(offenders).toEqual([]);
  });
});
