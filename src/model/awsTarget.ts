// Where the app's AWS calls go: a profile, a region and an optional endpoint override, how to
// say it in one line, and which endpoints count as the local sandbox (loopback only). The rule
// that picks a target from flags, environment, project and preferences is in targetRule.ts.

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

/** The sandbox at a known URL: fixed region, no profile, no endpoint from anywhere else. */
export function sandboxTarget(endpointUrl: string | undefined): AwsTarget {
  return { sandbox: true, endpointUrl, region: SANDBOX_REGION };
}

/** One line for the status bar: "sandbox · http://127.0.0.1:18590" or "prod · eu-west-1 · URL". */
export function describeTarget(target: AwsTarget): string {
  if (target.sandbox) return `sandbox · ${target.endpointUrl ?? 'starting…'}`;
  const parts = [target.profile ?? 'default chain', target.region ?? 'no region'];
  if (target.endpointUrl) parts.push(target.endpointUrl);
  return parts.join(' · ');
}

/** The same where the status bar needs room for a message: the sandbox without its local URL
 *  (an AWS target keeps its endpoint: where calls go always shows). */
export function describeTargetShort(target: AwsTarget): string {
  return target.sandbox ? 'sandbox' : describeTarget(target);
}

export function serviceUrl(target: AwsTarget, service: 'dms' | 'logs' | 's3'): string {
  return target.endpointUrl ?? `https://${service}.${target.region ?? '<region>'}.amazonaws.com`;
}

/** True for a host name that can only reach this machine (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  if (host.startsWith('::ffff:')) return isLoopbackHost(host.slice(7));
  const octets = host.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255)
  );
}

/** True for an http(s) URL whose host is loopback. */
export function isLoopbackUrl(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') && isLoopbackHost(parsed.hostname)
  );
}

/** Why calls to this target must not be made (a sandbox target off this machine), or null. */
export function sandboxRefusal(target: AwsTarget): string | null {
  if (!target.sandbox || isLoopbackUrl(target.endpointUrl)) return null;
  return target.endpointUrl
    ? `Refusing to send sandbox calls to ${target.endpointUrl}: the sandbox is only ever on this machine (127.0.0.1)`
    : 'The sandbox has no address yet: it is not running';
}
