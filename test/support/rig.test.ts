// The test rig itself: every key in the key table can be pressed, commands resolve to their
// keys, and a wait that times out says what it waited for and what it saw.
import { describe, expect, it } from 'vitest';
import { COMMANDS, type CommandId } from '../../src/ui/keys.js';
import { commandKey, keyBytes } from './keys.js';
import { waitFor } from './wait.js';

describe('keys', () => {
  it('turns every key of the key table into the bytes a terminal sends', () => {
    for (const spec of Object.values(COMMANDS))
      for (const key of spec.keys) expect(keyBytes(key).length).toBeGreaterThan(0);
    expect(keyBytes('ctrl+d')).toBe('\u0004');
    expect(keyBytes('shift+tab')).toBe('\u001b[Z');
    expect(keyBytes('space')).toBe(' ');
    expect(keyBytes('é')).toBe('é');
    expect(() => keyBytes('hyper+x')).toThrow(/No such key name/);
  });

  it("presses a command's first key, or one of its keys on request, never another", () => {
    expect(commandKey('task.delete')).toBe('ctrl+d');
    expect(commandKey('dialog.confirm', 'y')).toBe('y');
    expect(() => commandKey('dialog.confirm', 'x')).toThrow(/not bound to x/);
    for (const id of Object.keys(COMMANDS) as CommandId[]) expect(commandKey(id)).toBeTruthy();
  });
});

describe('waitFor', () => {
  it('returns the first value that passes, retrying assertions and false', async () => {
    let n = 0;
    expect(await waitFor(() => ++n >= 3 && n, { interval: 1 })).toBe(3);
    let m = 0;
    await waitFor(() => expect(++m).toBe(2), { interval: 1 });
    expect(await waitFor(() => n, { until: (v) => v === 3 })).toBe(3);
  });

  it('times out naming what it waited for, with the last failure and screen', async () => {
    const error = await waitFor(() => expect(1).toBe(2), {
      timeout: 30,
      interval: 5,
      what: 'one to be two',
      describe: () => 'the screen',
    }).catch((e: Error) => e);
    expect(String(error)).toMatch(/Timed out after 30 ms waiting for one to be two/);
    expect(String(error)).toMatch(/last failure: expected 1 to be 2/);
    expect(String(error)).toMatch(/at timeout:\nthe screen/);
    const value = await waitFor(() => ({ status: 'running' }), {
      timeout: 20,
      until: (t) => t.status === 'stopped',
    }).catch((e: Error) => e.message);
    expect(value).toMatch(/last value: \{ status: 'running' \}/);
  });
});
