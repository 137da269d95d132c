// Tests a database connection for real from the connection form: connects with a timeout and
// reports the server version, or one line saying what is wrong.
import { useCallback, useState } from 'react';
import { testConnection } from '../db/connection.js';
import { canConnect } from '../model/connectionForm.js';
import { type ConnectionSpec, engineInfo } from '../model/connection.js';

export type DbTestState =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'ok'; version: string }
  | { state: 'failed'; message: string };

export interface DbConnectionTestApi {
  test: DbTestState;
  run(spec: ConnectionSpec): void;
  /** Shows a failure found before connecting (a field in error). */
  fail(message: string): void;
  /** Forgets the last result (the form changed). */
  reset(): void;
}

export function useDbConnectionTest({ timeoutMs }: { timeoutMs: number }): DbConnectionTestApi {
  const [test, setTest] = useState<DbTestState>({ state: 'idle' });
  const run = useCallback(
    (spec: ConnectionSpec) => {
      if (!canConnect(spec.engine)) {
        setTest({
          state: 'failed',
          message: `${engineInfo(spec.engine).label}: dms-tui can create DMS endpoints for it but cannot connect itself`,
        });
        return;
      }
      setTest({ state: 'testing' });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `Timed out after ${Math.round(timeoutMs / 1000)} s connecting to ${spec.host}:${spec.port}`,
              ),
            ),
          timeoutMs + 2000,
        );
      });
      Promise.race([testConnection(spec, { timeoutMs }), timeout])
        .then(
          (version) => setTest({ state: 'ok', version }),
          (error: Error) =>
            setTest({ state: 'failed', message: (error.message ?? String(error)).split('\n')[0]! }),
        )
        .finally(() => clearTimeout(timer));
    },
    [timeoutMs],
  );
  const fail = useCallback((message: string) => setTest({ state: 'failed', message }), []);
  const reset = useCallback(() => setTest({ state: 'idle' }), []);
  return { test, run, fail, reset };
}
