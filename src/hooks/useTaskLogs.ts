// A task's CloudWatch log: backfilled from the head, then followed with forward tokens, into a
// capped buffer (default 100,000 lines) so memory stays flat. When there is no log, `missing`
// says why (no group: the IAM role; no stream: logging off or never ran since).
import { useCallback, useMemo, useRef } from 'react';
import { useServices } from '../ui/services.js';
import { createLogTail, LogMissingError, type LogTail, type MissingLog } from '../aws/logs.js';
import { LogLineBuffer } from '../model/logLineBuffer.js';
import { type PollingApi, type Scheduler, usePolling } from './usePolling.js';

export interface LogsData {
  /** Bumped when lines were added. */
  version: number;
  /** More lines are waiting (backfill in progress): fetched again at once. */
  more?: boolean;
  length: number;
  missing?: MissingLog;
  missingMessage?: string;
}

export interface TaskLogsApi extends PollingApi<LogsData> {
  buffer: LogLineBuffer;
  group: string;
  stream: string;
}

export const DEFAULT_LOG_CAPACITY = 100_000;

export function useTaskLogs(options: {
  group: string;
  stream: string;
  capacity?: number;
  active?: boolean;
  intervalMs?: number;
  /** Pages read per fetch; a backfill fetches again at once until the end, page by page. */
  pagesPerTick?: number;
  /** Events per GetLogEvents call (CloudWatch allows 10,000): smaller pages keep the
   *  transient memory of a backfill low. Default 5,000. */
  pageSize?: number;
  scheduler?: Scheduler;
}): TaskLogsApi {
  const services = useServices();
  const { clients } = services;
  const { group, stream } = options;
  const capacity = options.capacity ?? DEFAULT_LOG_CAPACITY;
  const buffer = useMemo(() => new LogLineBuffer(capacity), [capacity]);
  const tail = useRef<LogTail | null>(null);
  const pagesPerTick = options.pagesPerTick ?? 1;
  const pageSize = options.pageSize ?? 5000;

  const fetch = useCallback(async (): Promise<LogsData> => {
    tail.current ??= createLogTail(clients, { group, stream });
    let more = false;
    try {
      for (let i = 0; i < pagesPerTick; i++) {
        const page = await tail.current.next(pageSize);
        buffer.pushAll(page.lines);
        more = !page.atEnd;
        if (page.atEnd) break;
      }
    } catch (error) {
      if (error instanceof LogMissingError) {
        tail.current = null;
        return {
          version: buffer.version,
          length: buffer.length,
          missing: error.missing,
          missingMessage: error.message,
        };
      }
      throw error;
    }
    return { version: buffer.version, length: buffer.length, more };
  }, [clients, group, stream, buffer, pagesPerTick, pageSize]);

  const polling = usePolling<LogsData>({
    fetch,
    intervalMs: options.intervalMs ?? Math.min(services.refreshSeconds, 2) * 1000,
    active: options.active,
    resetKey: `${JSON.stringify(clients.target)}|${group}|${stream}`,
    scheduler: options.scheduler,
    again: (data) => Boolean(data.more),
  });
  return { ...polling, buffer, group, stream };
}
