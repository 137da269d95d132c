// DescribeAccountAttributes: the DMS quotas of the account, used by the profiles screen's Test.
// Fails with an AwsError (call.ts).
import type { AccountAttributes } from '../model/account.js';
import { dmsCall } from './call.js';
import type { AwsClients } from './clients.js';

export async function describeAccountAttributes(clients: AwsClients): Promise<AccountAttributes> {
  const out = await dmsCall(
    clients,
    'DescribeAccountAttributes',
    (client, { DescribeAccountAttributesCommand }) =>
      client.send(new DescribeAccountAttributesCommand({})),
  );
  return {
    quotas: (out.AccountQuotas ?? []).map((q) => ({
      name: q.AccountQuotaName ?? '?',
      used: q.Used ?? 0,
      max: q.Max ?? 0,
    })),
    accountIdentifier: out.UniqueAccountIdentifier,
  };
}
