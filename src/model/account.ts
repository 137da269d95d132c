// DMS account attributes as the profiles screen shows them.

export interface AccountQuota {
  name: string;
  used: number;
  max: number;
}

export interface AccountAttributes {
  quotas: AccountQuota[];
  accountIdentifier?: string;
}

/** "ReplicationInstances 1/20 · Endpoints 3/100 …" */
export function quotaSummary(attributes: AccountAttributes): string {
  if (attributes.quotas.length === 0) return 'Connected (no quotas reported)';
  return attributes.quotas.map((q) => `${q.name} ${q.used}/${q.max}`).join(' · ');
}
