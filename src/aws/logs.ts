// CloudWatch Logs for a task (docs/dms-api.md §5): GetLogEvents from the head, then forward
// tokens. A LogTail remembers where it got to, so the log pane and `dms-tui logs --follow`
// share one way of reading. A missing group or stream is a LogMissingError: an AwsError (code
// ResourceNotFoundException) that also says which one is missing and why.
import type { GetLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { type LogLine, parseLogLine } from '../model/logLine.js';
import { AwsError, logsCall } from './call.js';
import type { AwsClients } from './clients.js';
import { releaseMemory } from './releaseMemory.js';

export type MissingLog = 'no-group' | 'no-stream';

export interface LogPage {
  lines: LogLine[];
  /** True when the stream had nothing more (the same forward token came back). */
  atEnd: boolean;
}

export class LogMissingError extends AwsError {
  constructor(
    readonly missing: MissingLog,
    readonly group: string,
    readonly stream: string,
    /** CloudWatch's refusal, when it came from one. */
    cause?: AwsError,
  ) {
    super(
      missing === 'no-group'
        ? `Log group ${group} does not exist: DMS cannot write logs (is the dms-cloudwatch-logs-role IAM role missing?)`
        : `Log stream ${stream} does not exist yet: logging may be off, or the task has not run since it was enabled`,
      {
        code: 'ResourceNotFoundException',
        httpStatus: cause?.httpStatus,
        serviceMessage: cause?.serviceMessage,
        cause,
      },
    );
    this.name = 'LogMissingError';
  }
}

export interface LogTail {
  readonly group: string;
  readonly stream: string;
  /** Reads the next page (up to `limit` events). Throws LogMissingError or AwsError. */
  next(limit?: number): Promise<LogPage>;
  /** How many GetLogEvents calls so far. */
  calls(): number;
}

/** Reaching the end after at least this many lines read asks for one full collection. */
const RELEASE_AFTER_LINES = 20_000;

export function createLogTail(
  clients: AwsClients,
  location: { group: string; stream: string },
  options: { startTime?: number } = {},
): LogTail {
  let token: string | undefined;
  let calls = 0;
  let readSinceEnd = 0;
  return {
    group: location.group,
    stream: location.stream,
    calls: () => calls,
    async next(limit = 10_000) {
      let out: GetLogEventsCommandOutput;
      try {
        out = await logsCall(clients, 'GetLogEvents', (client, { GetLogEventsCommand }) => {
          calls++;
          return client.send(
            new GetLogEventsCommand({
              logGroupName: location.group,
              logStreamName: location.stream,
              startFromHead: true,
              nextToken: token,
              // Every call, not only the first: CloudWatch honours it with a token too, and an
              // empty first page must not let the next one start from the stream's head.
              startTime: options.startTime,
              limit,
            }),
          );
        });
      } catch (error) {
        if (error instanceof AwsError && error.code === 'ResourceNotFoundException') {
          const missing: MissingLog = /log group/i.test(error.serviceMessage)
            ? 'no-group'
            : 'no-stream';
          throw new LogMissingError(missing, location.group, location.stream, error);
        }
        throw error;
      }
      const previous = token;
      token = out.nextForwardToken ?? token;
      const events = (out.events ?? []) as { timestamp?: number; message?: string }[];
      const lines: LogLine[] = [];
      for (const e of events) {
        const message = (e.message ?? '').replace(/\n$/, '');
        lines.push(parseLogLine(message, e.timestamp ?? 0));
      }
      const atEnd = events.length === 0 || token === previous;
      readSinceEnd += lines.length;
      if (atEnd) {
        // The pages of a long backfill are all garbage now (their lines are kept elsewhere).
        if (readSinceEnd >= RELEASE_AFTER_LINES) setImmediate(() => void releaseMemory());
        readSinceEnd = 0;
      }
      return { lines, atEnd };
    },
  };
}
