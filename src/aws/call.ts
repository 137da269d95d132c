// src/aws's one error convention. Every exported async function in src/aws returns domain data
// (src/model types) or throws an AwsError, nothing else:
// - `message` is one readable line that says what to do next (translated here, once, by
//   describeAwsError): callers show it as it is and never translate the SDK's error again;
// - `code` is the AWS error name ("ResourceNotFoundFault", "InvalidResourceStateFault",
//   "AccessDeniedException"…), or the Node system code for a network failure ("ECONNREFUSED");
// - `httpStatus` is the status of AWS's answer (undefined when there was none: network
//   failure, or a refusal decided here before sending);
// - `transient` / `throttling` tell a poller whether to back off and try again.
// Callers branch with `error instanceof AwsError && error.code === '…'`. Domain signals are
// subclasses that keep that code: TaskNotFoundError (tasks.ts, "ResourceNotFoundFault") and
// LogMissingError (logs.ts, "ResourceNotFoundException"). dmsCall and logsCall run a request
// with the lazily loaded SDK and its client, and turn whatever fails into an AwsError.
import type { AwsTarget } from '../model/awsTarget.js';
import type { AwsClients, Timeouts } from './clients.js';
import { describeAwsError, errorCode, httpStatusOf, isThrottling, isTransient } from './errors.js';
import { type DmsSdk, type LogsSdk, loadDms, loadLogs } from './sdk.js';

export interface AwsErrorFields {
  code: string;
  httpStatus?: number;
  transient?: boolean;
  throttling?: boolean;
  serviceMessage?: string;
  cause?: unknown;
}

export class AwsError extends Error {
  /** The AWS error name, e.g. "ResourceNotFoundFault" (or "ECONNREFUSED" for a network failure). */
  readonly code: string;
  /** The HTTP status of AWS's answer; undefined when no answer said so. */
  readonly httpStatus: number | undefined;
  readonly transient: boolean;
  readonly throttling: boolean;
  /** AWS's own message, as sent (for refusals such as InvalidResourceStateFault). */
  readonly serviceMessage: string;

  constructor(message: string, fields: AwsErrorFields) {
    super(message, { cause: fields.cause });
    this.name = 'AwsError';
    this.code = fields.code;
    this.httpStatus = fields.httpStatus;
    this.transient = fields.transient ?? false;
    this.throttling = fields.throttling ?? false;
    this.serviceMessage = fields.serviceMessage ?? '';
  }
}

export interface CallContext {
  target: AwsTarget;
  service: 'dms' | 'logs' | 's3';
  /** The API action, e.g. "DescribeReplicationTasks". */
  action: string;
  /** The clients' timeouts, for "… did not answer within N s". */
  timeouts?: Timeouts;
}

/** The one translation of a failed SDK call (an AwsError passes through unchanged). */
export function toAwsError(cause: unknown, context: CallContext): AwsError {
  if (cause instanceof AwsError) return cause;
  return new AwsError(describeAwsError(cause, context), {
    code: errorCode(cause),
    httpStatus: httpStatusOf(cause),
    transient: isTransient(cause),
    throttling: isThrottling(cause),
    serviceMessage: String((cause as { message?: string })?.message ?? '').split('\n')[0] ?? '',
    cause,
  });
}

export async function awsCall<T>(
  target: AwsTarget | AwsClients,
  service: 'dms' | 'logs' | 's3',
  action: string,
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const context: CallContext =
      'timeouts' in target
        ? { target: target.target, service, action, timeouts: target.timeouts }
        : { target, service, action };
    throw toAwsError(error, context);
  }
}

type DmsClient = Awaited<ReturnType<AwsClients['dms']>>;
type LogsClient = Awaited<ReturnType<AwsClients['logs']>>;

/** Runs one DMS action (all its pages, if fn reads them) with the client and the SDK module. */
export function dmsCall<T>(
  clients: AwsClients,
  action: string,
  fn: (client: DmsClient, sdk: DmsSdk) => Promise<T>,
): Promise<T> {
  return awsCall(clients, 'dms', action, async () => {
    const [sdk, client] = await Promise.all([loadDms(), clients.dms()]);
    return fn(client, sdk);
  });
}

/** Runs one CloudWatch Logs action with the client and the SDK module. */
export function logsCall<T>(
  clients: AwsClients,
  action: string,
  fn: (client: LogsClient, sdk: LogsSdk) => Promise<T>,
): Promise<T> {
  return awsCall(clients, 'logs', action, async () => {
    const [sdk, client] = await Promise.all([loadLogs(), clients.logs()]);
    return fn(client, sdk);
  });
}

/** The error's readable line, whatever it is. */
export function errorLine(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error);
}
