// Task logs: lines in the DMS format, in log group dms-tasks-<instance id> and stream
// dms-task-<resource id from the task ARN>, written only when Logging.EnableLogging is on.
import { formatTaskLogLine, type LogSeverityLetter } from '../model/sandboxLogLine.js';
import { loggingEnabled } from '../model/taskSettings.js';
import type { Store } from './store.js';
import { type LogGroupRecord, regionOf, type TaskRecord } from './state.js';

/** Most events kept per stream; the oldest go first. */
const MAX_EVENTS = 50_000;

export function logGroupName(instanceIdentifier: string): string {
  return `dms-tasks-${instanceIdentifier}`;
}

export function logStreamName(task: Pick<TaskRecord, 'resourceId'>): string {
  return `dms-task-${task.resourceId}`;
}

export interface TaskLogWriter {
  write(
    task: TaskRecord,
    component: string,
    severity: LogSeverityLetter,
    message: string,
    sourceFile?: string,
  ): void;
}

export function createTaskLogWriter(store: Store): TaskLogWriter {
  return {
    write(task, component, severity, message, sourceFile) {
      if (!loggingEnabled(task.settings)) return;
      const instance = store.state.instances.find((i) => i.arn === task.instanceArn);
      const groupName = logGroupName(instance?.identifier ?? 'sandbox');
      const now = Date.now();
      let group: LogGroupRecord | undefined = store.state.logGroups.find(
        (g) => g.name === groupName && g.region === regionOf(task.arn),
      );
      if (!group) {
        group = { name: groupName, region: regionOf(task.arn), createdMs: now, streams: [] };
        store.state.logGroups.push(group);
      }
      const streamName = logStreamName(task);
      let stream = group.streams.find((s) => s.name === streamName);
      if (!stream) {
        stream = { name: streamName, createdMs: now, events: [] };
        group.streams.push(stream);
      }
      const last = stream.events[stream.events.length - 1];
      // Keep timestamps non-decreasing, as CloudWatch orders a stream by time.
      const timestamp = Math.max(now, last?.timestamp ?? 0);
      stream.events.push({
        timestamp,
        ingestionTime: now,
        message: formatTaskLogLine(new Date(timestamp), component, severity, message, sourceFile),
      });
      if (stream.events.length > MAX_EVENTS)
        stream.events.splice(0, stream.events.length - MAX_EVENTS);
      store.changed();
    },
  };
}
