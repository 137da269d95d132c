// TestConnection, then DescribeConnections until the status settles (testing → successful or
// failed with DMS's message). Polls every second for the first ten seconds, then every five
// (the SDK waiter's pace), for at most five minutes; stops when the screen goes away.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../ui/services.js';
import { type ConnectionState, describeConnection, startConnectionTest } from '../aws/endpoints.js';
import { AwsError, errorLine } from '../aws/call.js';

export interface ConnectionTest {
  /** undefined until a test is started. */
  state?: ConnectionState & { endpointArn: string };
  start(options: { instanceArn: string; endpointArn: string }): void;
}

const SETTLED = new Set(['successful', 'failed']);

export function useConnectionTest(): ConnectionTest {
  const { clients } = useServices();
  const [state, setState] = useState<ConnectionTest['state']>();
  const run = useRef(0);
  useEffect(
    () => () => {
      run.current++;
    },
    [],
  );

  const start = useCallback(
    ({ instanceArn, endpointArn }: { instanceArn: string; endpointArn: string }) => {
      const mine = ++run.current;
      const live = () => run.current === mine;
      setState({ status: 'testing', endpointArn });
      const fail = (error: unknown) =>
        live() && setState({ status: 'failed', endpointArn, message: errorLine(error) });
      (async () => {
        try {
          const first = await startConnectionTest(clients, { instanceArn, endpointArn });
          if (!live()) return;
          setState({ ...first, endpointArn });
          if (SETTLED.has(first.status)) return;
        } catch (error) {
          fail(error);
          return;
        }
        const startedAt = Date.now();
        while (live()) {
          const elapsed = Date.now() - startedAt;
          if (elapsed > 300_000) {
            setState({
              status: 'failed',
              endpointArn,
              message: 'No answer from TestConnection after 5 minutes: test again later',
            });
            return;
          }
          await new Promise((r) => setTimeout(r, elapsed < 10_000 ? 1000 : 5000));
          if (!live()) return;
          try {
            const now = await describeConnection(clients, { instanceArn, endpointArn });
            if (!live()) return;
            setState({ ...now, endpointArn });
            if (SETTLED.has(now.status)) return;
          } catch (error) {
            if (!(error instanceof AwsError && error.transient)) {
              fail(error);
              return;
            }
          }
        }
      })();
    },
    [clients],
  );

  return { state, start };
}
