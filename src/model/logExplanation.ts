// Why a task has no CloudWatch log, in words, with what to do: logging is off in its settings
// (offer to enable it, unless the task's state forbids a modify), the log group is missing (the
// IAM role, or the task never ran with logging on), or the stream is (it has not run since).
import { settingsSummary } from './taskDetails.js';
import { refusal } from './taskStatus.js';
import type { Task } from './task.js';

export interface LogExplanation {
  text: string;
  /** Logging is off: enabling it is offered. */
  canEnable: boolean;
  /** Why enabling cannot be done now (the task's state). */
  enableRefusal?: string;
  /** The task's settings, for the modify that enables logging. */
  settings?: string;
}

export function explainMissingLog(options: {
  task: Pick<Task, 'status' | 'migrationType' | 'settings'>;
  id: string;
  group: string;
  stream: string;
  missing: 'no-group' | 'no-stream';
  /** The key that enables logging, named in the text. */
  enableKey: string;
}): LogExplanation {
  const { task, id, group, stream, missing, enableKey } = options;
  const s = settingsSummary(task.settings);
  if (s && !s.loggingEnabled) {
    const enableRefusal = refusal(task, 'modify') ?? undefined;
    return {
      text: `Logging is not enabled in ${id}'s task settings, so DMS writes no CloudWatch log.${enableRefusal ? ` To enable it, stop the task first (${task.status}).` : ` Press ${enableKey} to enable it (ModifyReplicationTask), then start the task.`}`,
      canEnable: true,
      enableRefusal,
      settings: task.settings,
    };
  }
  if (missing === 'no-group')
    return {
      text:
        task.status === 'running'
          ? `Logging is on and ${id} is running, but log group ${group} does not exist: DMS needs the IAM role dms-cloudwatch-logs-role (trusting dms.amazonaws.com, with the AmazonDMSCloudWatchLogsRole policy) to write logs. Create it, then restart the task.`
          : `Logging is on, but log group ${group} does not exist yet: DMS creates it when the task runs with logging on, so ${id} has not run since logging was enabled. Start it; if the group still does not appear, the IAM role dms-cloudwatch-logs-role is missing.`,
      canEnable: false,
    };
  return {
    text: `Logging is on, but stream ${stream} does not exist yet: ${id} has not run since logging was enabled. Start it and the log appears here.`,
    canEnable: false,
  };
}
