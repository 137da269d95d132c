import { describe, expect, it } from 'vitest';
import { formatTaskLogLine } from '../../src/model/sandboxLogLine.js';

describe('task log lines', () => {
  it('formats lines as DMS does, the component padded to 16', () => {
    expect(
      formatTaskLogLine(
        new Date('2026-11-24T12:00:00.123Z'),
        'TASK_MANAGER',
        'I',
        'Task started',
        'replicationtask.c:1204',
      ),
    ).toBe('2026-11-24T12:00:00 [TASK_MANAGER    ]I:  Task started  (replicationtask.c:1204)');
    expect(formatTaskLogLine(new Date('2026-11-24T12:00:00Z'), 'SOURCE_UNLOAD', 'W', 'x')).toBe(
      '2026-11-24T12:00:00 [SOURCE_UNLOAD   ]W:  x  (sandbox.c:1)',
    );
  });
});
