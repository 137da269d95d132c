// The profile list for the profiles screen, and a Test that calls DescribeAccountAttributes.
import { useCallback, useEffect, useState } from 'react';
import { describeAccountAttributes } from '../aws/account.js';
import { createAwsClients } from '../aws/clients.js';
import { errorLine } from '../aws/call.js';
import { listProfiles, type ProfileInfo } from '../aws/profiles.js';
import type { AwsTarget } from '../model/awsTarget.js';
import { quotaSummary } from '../model/account.js';

export interface ProfilesState {
  profiles: ProfileInfo[];
  loading: boolean;
  error?: string;
}

export function useProfiles(): ProfilesState {
  const [state, setState] = useState<ProfilesState>({ profiles: [], loading: true });
  useEffect(() => {
    let live = true;
    listProfiles().then(
      (profiles) => live && setState({ profiles, loading: false }),
      (error: unknown) =>
        live && setState({ profiles: [], loading: false, error: errorLine(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export type TestResult =
  | { state: 'testing' }
  | { state: 'ok'; summary: string }
  | { state: 'failed'; message: string };

/** Tests a target with DescribeAccountAttributes, on clients of its own (not the app's). */
export function useTargetTest(): [TestResult | null, (target: AwsTarget) => void] {
  const [result, setResult] = useState<TestResult | null>(null);
  const run = useCallback((target: AwsTarget) => {
    setResult({ state: 'testing' });
    const clients = createAwsClients(target, { retryMode: 'standard', maxAttempts: 2 });
    describeAccountAttributes(clients)
      .then(
        (attributes) => setResult({ state: 'ok', summary: quotaSummary(attributes) }),
        (error) => setResult({ state: 'failed', message: errorLine(error) }),
      )
      .finally(() => clients.destroy());
  }, []);
  return [result, run];
}
