// The rows of the profiles screen: the default chain, the sandbox, then named profiles.

export interface ProfileSummary {
  name: string;
  region?: string;
  kind: string;
  sources: string[];
}

export interface ProfileRow {
  key: string;
  kind: 'chain' | 'sandbox' | 'profile';
  label: string;
  /** undefined for the default chain and the sandbox. */
  profile?: string;
  region?: string;
  detail: string;
}

export function profileRows({
  profiles,
  sandboxAvailable,
}: {
  profiles: readonly ProfileSummary[];
  sandboxAvailable: boolean;
}): ProfileRow[] {
  const rows: ProfileRow[] = [
    {
      key: 'chain',
      kind: 'chain',
      label: 'default credential chain',
      detail: 'environment, AWS_PROFILE, instance role…',
    },
  ];
  if (sandboxAvailable)
    rows.push({
      key: 'sandbox',
      kind: 'sandbox',
      label: 'sandbox',
      region: 'us-east-1',
      detail: 'local DMS sandbox (no AWS account needed)',
    });
  for (const p of profiles) {
    rows.push({
      key: `p:${p.name}`,
      kind: 'profile',
      label: p.name,
      profile: p.name,
      region: p.region,
      detail: `${p.kind} (${p.sources.join(', ')})`,
    });
  }
  return rows;
}
