// A task's CloudWatch log: backfilled from the head, then followed with forward tokens, into a
// capped buffer (default 100,000 lines) so memory stays flat. When there is no log, `missing`
// says why (no group: the IAM role; no stream: logging off or never ran since).
import { useCallback, useMemo, useRef } from 'react';
import { useServices } from '../app/services.js';
import { createLogTail, LogMissingError, type LogTail, type MissingLog } from '../aws/logs.js';
import { LogBuffer } from '../model/logBuffer.js';
import type { LogLine } from '../model/logLine.js';
import { type PollingApi, type Scheduler, usePolling } from './usePolling.js';

export interface LogsData {
  /** Bumped when lines were added. */
  version: number;
  length: number;
  missing?: MissingLog;
  missingMessage?: string;
}

export interface TaskLogsApi extends PollingApi<LogsData> {
  buffer: LogBuffer<LogLine>;
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
  /** Pages read per tick at most, so a huge backfill does not hold the screen. */
  pagesPerTick?: number;
  scheduler?: Scheduler;
}): TaskLogsApi {
  const services = useServices();
  const { clients } = services;
  const { group, stream } = options;
  const capacity = options.capacity ?? DEFAULT_LOG_CAPACITY;
  const buffer = useMemo(() => new LogBuffer<LogLine>(capacity), [capacity]);
  const tail = useRef<LogTail | null>(null);
  const pagesPerTick = options.pagesPerTick ?? 20;

  const fetch = useCallback(async (): Promise<LogsData> => {
    tail.current ??= createLogTail(clients, { group, stream });
    try {
      for (let i = 0; i < pagesPerTick; i++) {
        const page = await tail.current.next();
        buffer.pushAll(page.lines);
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
    return { version: buffer.version, length: buffer.length };
  }, [clients, group, stream, buffer, pagesPerTick]);

  const polling = usePolling<LogsData>({
    fetch,
    intervalMs: options.intervalMs ?? Math.min(services.refreshSeconds, 2) * 1000,
    active: options.active,
    resetKey: `${JSON.stringify(clients.target)}|${group}|${stream}`,
    scheduler: options.scheduler,
  });
  return { ...polling, buffer, group, stream };
}
