// DescribeAccountAttributes: the DMS quotas of the account, used by the profiles screen's Test.
import type { AwsClients } from './clients.js';
import type { AccountAttributes } from '../model/account.js';
import { loadDms } from './sdk.js';

export async function describeAccountAttributes(clients: AwsClients): Promise<AccountAttributes> {
  const { DescribeAccountAttributesCommand } = await loadDms();
  const client = await clients.dms();
  const out = await client.send(new DescribeAccountAttributesCommand({}));
  return {
    quotas: (out.AccountQuotas ?? []).map((q) => ({
      name: q.AccountQuotaName ?? '?',
      used: q.Used ?? 0,
      max: q.Max ?? 0,
    })),
    accountIdentifier: out.UniqueAccountIdentifier,
  };
}
