// One preflight run, for the command line and the app alike: a request (model/preflightRequest.ts:
// a task, the form's values or the command line's options) checked through the project's source
// and target connections (preflightProbe.ts), worded as a checklist with a verdict
// (model/preflight.ts). Cancel with the signal: the run stops between steps and closes both
// connections.
import type { ConnectionSpec } from '../model/connection.js';
import {
  type CheckStatus,
  type PreflightCheck,
  preflightChecks,
  preflightVerdict,
} from '../model/preflight.js';
import type { PreflightRequest } from '../model/preflightRequest.js';
import { probePreflight } from './preflightProbe.js';

export interface PreflightResult {
  checks: PreflightCheck[];
  verdict: CheckStatus;
}

export async function runPreflightChecks(
  connections: { source: ConnectionSpec; target: ConnectionSpec },
  request: PreflightRequest,
  signal?: AbortSignal,
): Promise<PreflightResult> {
  const facts = await probePreflight({ ...request, ...connections, signal });
  const checks = preflightChecks(facts);
  return { checks, verdict: preflightVerdict(checks) };
}
