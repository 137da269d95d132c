// The status line while a new endpoint's connection is tested from the instance: "testing…"
// when it starts, then, once DMS settles it, the result (success as a notice, failure as an
// error), so the "testing" line never outlives the test.
import { useEffect, useRef } from 'react';
import { useStatus } from '../../ui/status.js';
import type { ConnectionTest } from '../useConnectionTest.js';

export function useEndpointTestNotice(
  tests: { source: ConnectionTest; target: ConnectionTest },
  endpointName: (arn: string) => string,
): void {
  const { setError, setNotice } = useStatus();
  const reported = useRef(new Set<string>());
  const source = tests.source.state;
  const target = tests.target.state;
  useEffect(() => {
    for (const state of [source, target]) {
      if (!state || (state.status !== 'successful' && state.status !== 'failed')) continue;
      const key = `${state.endpointArn}:${state.status}:${state.message ?? ''}`;
      if (reported.current.has(key)) continue;
      reported.current.add(key);
      const name = endpointName(state.endpointArn);
      if (state.status === 'successful') setNotice(`Connection test of ${name}: successful`);
      else setError(`Connection test of ${name} failed: ${state.message ?? 'no message from DMS'}`);
    }
  }, [source, target, endpointName, setError, setNotice]);
}
