// Where the app's AWS calls go: a profile, a region and an optional endpoint override.

export interface AwsTarget {
  /** A profile from ~/.aws/config or ~/.aws/credentials; undefined = the default credential chain. */
  profile?: string;
  region?: string;
  /** Used for both DMS and CloudWatch Logs (the sandbox, or a VPC endpoint). */
  endpointUrl?: string;
  /** True when talking to the local dms-tui sandbox (fixed credentials, no profile). */
  sandbox?: boolean;
}

export const SANDBOX_CREDENTIALS = {
  accessKeyId: 'SANDBOXACCESSKEY',
  secretAccessKey: 'sandbox-secret-not-a-real-key',
};
export const SANDBOX_REGION = 'us-east-1';

export function describeTarget(target: AwsTarget): string {
  if (target.sandbox) return `SANDBOX ${target.endpointUrl ?? ''}`.trim();
  const parts = [target.profile ?? 'default chain', target.region ?? 'no region'];
  if (target.endpointUrl) parts.push(target.endpointUrl);
  return parts.join(' · ');
}

export function serviceUrl(target: AwsTarget, service: 'dms' | 'logs'): string {
  return target.endpointUrl ?? `https://${service}.${target.region ?? '<region>'}.amazonaws.com`;
}
