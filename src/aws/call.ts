// One place that turns a failed SDK call into an AwsError: a readable one-line message (from
// describeAwsError) plus what a poller needs to know (transient? throttled?) and DMS's code.
import { describeAwsError, errorName, isThrottling, isTransient } from './errors.js';
import type { AwsTarget } from '../model/awsTarget.js';

export class AwsError extends Error {
  readonly code: string;
  readonly transient: boolean;
  readonly throttling: boolean;
  /** DMS's own message, as sent (for refusals such as InvalidResourceStateFault). */
  readonly serviceMessage: string;

  constructor(cause: unknown, target: AwsTarget, action: string, service: 'dms' | 'logs') {
    super(describeAwsError(cause, { target, action, service }), { cause });
    this.name = 'AwsError';
    this.code = errorName(cause);
    this.transient = isTransient(cause);
    this.throttling = isThrottling(cause);
    this.serviceMessage =
      String((cause as { message?: string })?.message ?? '').split('\n')[0] ?? '';
  }
}

export async function awsCall<T>(
  target: AwsTarget,
  service: 'dms' | 'logs',
  action: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AwsError) throw error;
    throw new AwsError(error, target, action, service);
  }
}

/** The error's readable line, whatever it is. */
export function errorLine(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error);
}
