// Why there is no log, in words, for each case the log reader and DMS can report.
import { describe, expect, it } from 'vitest';
import { explainMissingLog } from '../../src/model/logExplanation.js';

const off = JSON.stringify({ Logging: { EnableLogging: false } });
const on = JSON.stringify({ Logging: { EnableLogging: true } });
const base = {
  id: 'orders',
  group: 'dms-tasks-sandbox',
  stream: 'dms-task-X',
  enableKey: 'E',
} as const;

describe('explaining a missing log', () => {
  it('offers to enable logging when it is off and the task allows a modify', () => {
    const e = explainMissingLog({
      ...base,
      missing: 'no-stream',
      task: { status: 'ready', migrationType: 'full-load', settings: off },
    });
    expect(e.canEnable).toBe(true);
    expect(e.enableRefusal).toBeUndefined();
    expect(e.settings).toBe(off);
    expect(e.text).toContain('Logging is not enabled in orders');
    expect(e.text).toContain('Press E to enable it');
  });

  it('says to stop the task first when it cannot be modified now', () => {
    const e = explainMissingLog({
      ...base,
      missing: 'no-group',
      task: { status: 'running', migrationType: 'full-load', settings: off },
    });
    expect(e.canEnable).toBe(true);
    expect(e.enableRefusal).toBeTruthy();
    expect(e.text).toContain('To enable it, stop the task first (running)');
  });

  it('names the IAM role when logging is on but the group is missing', () => {
    const running = explainMissingLog({
      ...base,
      missing: 'no-group',
      task: { status: 'running', migrationType: 'full-load', settings: on },
    });
    expect(running.canEnable).toBe(false);
    expect(running.text).toContain('dms-cloudwatch-logs-role');
    expect(running.text).toContain('restart the task');
    const stopped = explainMissingLog({
      ...base,
      missing: 'no-group',
      task: { status: 'stopped', migrationType: 'full-load', settings: on },
    });
    expect(stopped.text).toContain('does not exist yet');
  });

  it('says the task has not run since logging was enabled when the stream is missing', () => {
    const e = explainMissingLog({
      ...base,
      missing: 'no-stream',
      task: { status: 'ready', migrationType: 'full-load', settings: on },
    });
    expect(e).toEqual({
      text: 'Logging is on, but stream dms-task-X does not exist yet: orders has not run since logging was enabled. Start it and the log appears here.',
      canEnable: false,
    });
  });
});
