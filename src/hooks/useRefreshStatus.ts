// Mirrors a poller into the status bar (shared by the task screens).
import { useEffect, useRef } from 'react';
import { useStatus } from '../ui/status.js';

/** Mirrors a poller into the status bar: freshness ("updated 3s ago", "refreshing…") and,
 *  while it fails, the reason and when it retries. Clears its own error when it recovers. */
export function useRefreshStatus(polling: {
  lastUpdated?: Date;
  refreshing: boolean;
  error?: string;
  failures: number;
  nextDelayMs?: number;
}): void {
  const { setRefresh, setError } = useStatus();
  const { lastUpdated, refreshing, error, failures, nextDelayMs } = polling;
  const shown = useRef<string | null>(null);
  useEffect(() => {
    setRefresh({ lastRefresh: lastUpdated, refreshing });
  }, [lastUpdated, refreshing, setRefresh]);
  useEffect(() => {
    if (error) {
      const retry =
        failures > 0 && nextDelayMs ? ` (retrying in ${Math.round(nextDelayMs / 1000)}s)` : '';
      shown.current = `${error}${retry}`;
      setError(shown.current);
    } else if (shown.current) {
      shown.current = null;
      setError(null);
    }
  }, [error, failures, nextDelayMs, setError]);
}
