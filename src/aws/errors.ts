// Reading an SDK error: one readable line that says what to do next (describeAwsError), its AWS
// name, HTTP status, and whether it is worth retrying. Used by call.ts, which builds the AwsError
// that every function in src/aws throws; nothing outside src/aws reads SDK errors.
import { type AwsTarget, serviceUrl } from '../model/awsTarget.js';

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

export interface ErrorContext {
  target: AwsTarget;
  /** The API action being attempted, e.g. "DescribeReplicationTasks". */
  action?: string;
  service?: 'dms' | 'logs' | 's3';
  /** The clients' timeouts, when the error is a timeout whose message does not say them. */
  timeouts?: { connectMs: number; requestMs: number };
}

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
]);

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

export function errorName(error: unknown): string {
  const e = error as SdkErrorShape;
  return e?.name ?? e?.code ?? 'Error';
}

/** The AWS error name, or for a plain network failure the system code ("ECONNREFUSED"). */
export function errorCode(error: unknown): string {
  const e = error as SdkErrorShape;
  if (e?.name && e.name !== 'Error') return e.name;
  return e?.code ?? (e?.cause as { code?: string } | undefined)?.code ?? errorName(error);
}

/** The HTTP status of AWS's answer, when there was one. */
export function httpStatusOf(error: unknown): number | undefined {
  return (error as SdkErrorShape)?.$metadata?.httpStatusCode;
}

export function isThrottling(error: unknown): boolean {
  return (
    THROTTLING.has(errorName(error)) || (error as SdkErrorShape)?.$metadata?.httpStatusCode === 429
  );
}

export function isNetworkError(error: unknown): boolean {
  const e = error as SdkErrorShape & { code?: string; errno?: string };
  const cause = e?.cause as { code?: string } | undefined;
  return (
    NETWORK_CODES.has(e?.code ?? '') ||
    NETWORK_CODES.has(cause?.code ?? '') ||
    e?.name === 'TimeoutError' ||
    e?.name === 'RequestTimeout' ||
    /socket hang up|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND/.test(e?.message ?? '')
  );
}

/** Errors worth retrying later by a poller: throttling, network trouble, 5xx. */
export function isTransient(error: unknown): boolean {
  const status = (error as SdkErrorShape)?.$metadata?.httpStatusCode ?? 0;
  return (
    isThrottling(error) ||
    isNetworkError(error) ||
    status >= 500 ||
    (error as SdkErrorShape)?.$fault === 'server'
  );
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim();
}

const SERVICE_NAMES = { dms: 'DMS', logs: 'CloudWatch Logs', s3: 'S3' } as const;

export function describeAwsError(error: unknown, context: ErrorContext): string {
  const e = (error ?? {}) as SdkErrorShape;
  const name = errorName(error);
  const message = firstLine(e.message ?? String(error));
  const profile = context.target.profile;
  const profileFlag = profile ? ` --profile ${profile}` : '';
  const action = context.action ? `${context.service ?? 'dms'}:${context.action}` : undefined;

  if (
    /SSO.*(expired|invalid)|Token is expired|refresh.*SSO|sso login/i.test(message) ||
    name === 'TokenProviderError'
  ) {
    return `SSO session expired or missing: run \`aws sso login${profileFlag}\` and try again`;
  }
  if (/Region is missing|region.*not.*(set|configured)/i.test(message)) {
    return 'No AWS region set: pass --region, set AWS_REGION, or add "region = …" to the profile in ~/.aws/config';
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
    return profile
      ? `No usable credentials in profile "${profile}": check ~/.aws/credentials or run \`aws configure${profileFlag}\``
      : 'No AWS credentials found: set AWS_PROFILE, run `aws configure`, or pick a profile with --profile';
  }
  if (/not authorized to perform|AccessDenied/i.test(name + message)) {
    const refused = message.match(/perform: ([\w:]+)/)?.[1] ?? action;
    return `Access denied${refused ? ` for ${refused}` : ''}: the credentials${profile ? ` of profile "${profile}"` : ''} lack this IAM permission`;
  }
  if (
    name === 'ExpiredToken' ||
    name === 'ExpiredTokenException' ||
    /security token.*expired/i.test(message)
  ) {
    return `AWS credentials have expired: refresh them${profile ? ` (aws sso login${profileFlag}, or new keys)` : ''}`;
  }
  if (
    name === 'InvalidClientTokenId' ||
    name === 'UnrecognizedClientException' ||
    name === 'InvalidSignatureException' ||
    name === 'SignatureDoesNotMatch'
  ) {
    return `AWS rejected the credentials (${name}): check the access key and secret${profile ? ` of profile "${profile}"` : ''}`;
  }
  if (isThrottling(error)) {
    return `Throttled by AWS (${message || 'Rate exceeded'}): backing off and retrying`;
  }
  if (isNetworkError(error)) {
    const url = serviceUrl(context.target, context.service ?? 'dms');
    return timeoutLine(error, url, context) ?? `Cannot reach ${url}: ${networkReason(error)}`;
  }
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && status >= 500) {
    return `${SERVICE_NAMES[context.service ?? 'dms']} had a server error (${name}${status ? ` ${status}` : ''}): try again shortly`;
  }
  if (!message || message === name) return name;
  return name === 'Error' ? message : `${message} (${name})`;
}

function networkReason(error: unknown): string {
  const e = error as SdkErrorShape & { code?: string };
  const code = e.code ?? (e.cause as { code?: string } | undefined)?.code ?? '';
  if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(e.message ?? ''))
    return 'connection refused (is the endpoint URL right and the service up?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return 'host not found (check the endpoint URL and DNS)';
  if (code === 'ECONNRESET' || /socket hang up/.test(e.message ?? '')) return 'connection reset';
  if (e.name === 'TimeoutError' || code === 'ETIMEDOUT') return 'timed out';
  return firstLine(e.message ?? code ?? 'network error');
}

/** "<URL> did not answer within 12 s (3 tries)" for a timeout, else undefined. */
export function timeoutLine(
  error: unknown,
  url: string,
  context: ErrorContext,
): string | undefined {
  const e = error as SdkErrorShape & { $metadata?: { attempts?: number } };
  const message = e?.message ?? '';
  if (e?.name !== 'TimeoutError' && e?.code !== 'ETIMEDOUT' && !/timed out/i.test(message))
    return undefined;
  const connecting = /establish a connection|connect ETIMEDOUT/i.test(message);
  const ms =
    Number(/(\d+) ms/.exec(message)?.[1]) ||
    (connecting ? context.timeouts?.connectMs : context.timeouts?.requestMs);
  const within = ms ? ` within ${seconds(ms)}` : '';
  const attempts = e?.$metadata?.attempts ?? 1;
  const tries = attempts > 1 ? ` (${attempts} tries)` : '';
  return connecting
    ? `${url} did not accept a connection${within}${tries}: check the endpoint URL, the network and any proxy`
    : `${url} did not answer${within}${tries}: the service or the network is not responding`;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
