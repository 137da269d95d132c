// Resource tags (ListTagsForResource): which agent task made a DMS task, read from the
// `dms-tui:agent-task` tag the agent puts on its DMS task and endpoint, so that any machine
// (not only the agent's) can mark it in the Data Migration View.
import { dmsCall } from './call.js';
import type { AwsClients } from './clients.js';
import { AGENT_TAG } from './s3SourceEndpoint.js';

/** ARNs per ListTagsForResource call (ResourceArnList). */
const ARNS_PER_CALL = 20;

/** Each resource's tags (key → value); a resource without tags is absent. */
export async function listTags(
  clients: AwsClients,
  arns: readonly string[],
): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (let at = 0; at < arns.length; at += ARNS_PER_CALL) {
    const chunk = arns.slice(at, at + ARNS_PER_CALL);
    const answer = await dmsCall(clients, 'ListTagsForResource', (client, sdk) =>
      client.send(new sdk.ListTagsForResourceCommand({ ResourceArnList: [...chunk] })),
    );
    for (const tag of answer.TagList ?? []) {
      // One ARN asked alone may come back without ResourceArn.
      const arn = tag.ResourceArn ?? (chunk.length === 1 ? chunk[0] : undefined);
      if (!arn || tag.Key === undefined) continue;
      const tags = out.get(arn) ?? new Map<string, string>();
      tags.set(tag.Key, tag.Value ?? '');
      out.set(arn, tags);
    }
  }
  return out;
}

/** The agent task named by each resource's dms-tui:agent-task tag, for those that have one. */
export async function agentTaskTags(
  clients: AwsClients,
  arns: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [arn, tags] of await listTags(clients, arns)) {
    const name = tags.get(AGENT_TAG);
    if (name) out.set(arn, name);
  }
  return out;
}
