// DMS task-log lines as the sandbox writes them (docs/dms-api.md §5 CloudWatch Logs):
// "2026-11-24T12:00:00 [TASK_MANAGER    ]I:  Task started  (replicationtask.c:1204)". Pure.

export type LogSeverityLetter = 'E' | 'W' | 'I' | 'D';

export function formatTaskLogLine(
  at: Date,
  component: string,
  severity: LogSeverityLetter,
  message: string,
  sourceFile = 'sandbox.c:1',
): string {
  const stamp = at.toISOString().slice(0, 19);
  return `${stamp} [${component.padEnd(16)}]${severity}:  ${message}  (${sourceFile})`;
}
