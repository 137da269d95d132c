// THE rule for where AWS calls go, used by the app at start, by opening a project, and by the
// scripting commands:
// 1. `--sandbox` → the sandbox (nothing from the environment, ever).
// 2. The saved choice decides: the project's target (or, without a project, the remembered
//    preference). A sandbox project always goes to the sandbox unless `--profile` or
//    `--endpoint-url` name another place on the command line (`--region` alone does not: the
//    sandbox answers as us-east-1, so it is ignored, and the reason says so).
// 3. Command-line flags override each part they name, and the reason says what they overrode.
// 4. The environment (AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL) only fills
//    what the flags and the saved choice leave open, and never reaches the sandbox.
import { type AwsTarget, sandboxTarget } from './awsTarget.js';
import { looksLikeRegion } from './regions.js';

/** Where-to-call flags from the command line (already checked by the argument parser). */
export interface TargetFlags {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  sandbox?: boolean;
}

export interface TargetInputs {
  flags?: TargetFlags;
  env?: Readonly<Record<string, string | undefined>>;
  /** The open project: profile "sandbox" = the sandbox, "" = the default chain. */
  project?: { name: string; profile: string; region?: string };
  /** Used only without a project: the profile ("sandbox" too) and region chosen last time. */
  preferences?: { lastProfile?: string; lastRegion?: string };
  /** The running sandbox's URL, when known. */
  sandboxUrl?: string;
}

export interface ResolvedTarget {
  target: AwsTarget;
  /** One line: where calls go and why (which flag, project, preference or variable said so). */
  why: string;
  /** The target is the sandbox but its URL is not known yet: start (or find) it, resolve again. */
  needsSandbox: boolean;
  /** A value from the environment that is not usable (bad region or URL), as one line. */
  problem?: string;
  /** Set when a flag was ignored or overrode a sandbox choice: worth showing at once. */
  note?: string;
}

const set = (value: string | undefined): string | undefined =>
  value !== undefined && value.trim() !== '' ? value.trim() : undefined;

function sandbox(inputs: TargetInputs, why: string, note?: string): ResolvedTarget {
  const url = inputs.sandboxUrl;
  return {
    target: sandboxTarget(url),
    why: note ? `${why} (${note})` : why,
    needsSandbox: !url,
    note,
  };
}

export function resolveTarget(inputs: TargetInputs): ResolvedTarget {
  const flags = inputs.flags ?? {};
  const env = inputs.env ?? {};
  if (flags.sandbox) return sandbox(inputs, 'the sandbox: --sandbox');

  const saved = inputs.project
    ? {
        from: `project ${inputs.project.name}`,
        profile: inputs.project.profile,
        region: inputs.project.region,
      }
    : {
        from: 'last choice',
        profile: inputs.preferences?.lastProfile,
        region: inputs.preferences?.lastRegion,
      };
  const leaving = set(flags.profile) ?? set(flags.endpointUrl);
  if (saved.profile === 'sandbox') {
    if (!leaving) {
      const ignored = set(flags.region)
        ? '--region ignored: the sandbox answers as us-east-1; --profile or --endpoint-url leave it'
        : undefined;
      return sandbox(inputs, `the sandbox: ${saved.from}`, ignored);
    }
  }
  const savedProfile = saved.profile === 'sandbox' ? undefined : set(saved.profile);
  const savedRegion = saved.profile === 'sandbox' ? undefined : set(saved.region);

  const profile = pick([
    [set(flags.profile), '--profile'],
    [savedProfile, saved.from],
    [set(env.AWS_PROFILE), 'AWS_PROFILE'],
  ]);
  const region = pick([
    [set(flags.region), '--region'],
    [savedRegion, saved.from],
    [set(env.AWS_REGION), 'AWS_REGION'],
    [set(env.AWS_DEFAULT_REGION), 'AWS_DEFAULT_REGION'],
  ]);
  const endpoint = pick([
    [set(flags.endpointUrl), '--endpoint-url'],
    [set(env.AWS_ENDPOINT_URL), 'AWS_ENDPOINT_URL'],
  ]);
  const target: AwsTarget = {
    profile: profile?.value,
    region: region?.value,
    endpointUrl: endpoint?.value,
  };
  const parts = [
    `profile ${profile ? `${profile.value} (${profile.from})` : 'from the default chain'}`,
    `region ${region ? `${region.value} (${region.from})` : 'not set'}`,
  ];
  if (endpoint) parts.push(`endpoint ${endpoint.value} (${endpoint.from})`);
  const overrode =
    saved.profile === 'sandbox' ? `the command line overrides ${saved.from}'s sandbox` : undefined;
  return {
    target,
    why: `AWS: ${parts.join(', ')}${overrode ? `; ${overrode}` : ''}`,
    needsSandbox: false,
    problem: envProblem(region, endpoint),
    note: overrode,
  };
}

type Source = [value: string | undefined, from: string];

function pick(sources: Source[]): { value: string; from: string } | undefined {
  for (const [value, from] of sources) if (value !== undefined) return { value, from };
  return undefined;
}

/** Flags are checked by the parser; a value the environment filled in is checked here. */
function envProblem(
  region: { value: string; from: string } | undefined,
  endpoint: { value: string; from: string } | undefined,
): string | undefined {
  if (region?.from.startsWith('AWS_') && !looksLikeRegion(region.value))
    return `${region.from}="${region.value}" is not an AWS region (for example: us-east-1, eu-west-2)`;
  if (endpoint?.from.startsWith('AWS_')) {
    let ok = false;
    try {
      const url = new URL(endpoint.value);
      ok = url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) return `${endpoint.from}="${endpoint.value}" is not an http:// or https:// URL`;
  }
  return undefined;
}
