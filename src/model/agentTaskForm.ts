// The Create agent task form (from the schema browser's marked objects): its fields, their
// checks, and the AgentTaskSpec it makes with the project's source connection. Pure.
import { DEFAULT_NULL_MARKER } from './agentCsv.js';
import {
  AGENT_FORMATS,
  type AgentFormat,
  type AgentTaskSpec,
  agentTaskNameError,
} from './agentTask.js';
import type { AwsTarget } from './awsTarget.js';
import type { ConnectionSpec } from './connection.js';
import { type MappingRow, selectionStem } from './selectionMappings.js';

export interface AgentTaskDraft {
  name: string;
  bucket: string;
  folder: string;
  targetEndpoint: string;
  instance: string;
  roleArn: string;
  format: AgentFormat;
  parallel: string;
}

export type AgentDraftField = keyof AgentTaskDraft;

/** What the form says the DMS role must allow. */
export const ROLE_NOTE =
  'The IAM role (required on AWS) must trust dms.amazonaws.com and allow s3:GetObject on bucket/* and s3:ListBucket on the bucket; the bucket must be in the instance’s Region.';

export function initialAgentDraft(rows: readonly MappingRow[], instance = ''): AgentTaskDraft {
  // The DMS task and endpoint get the `agent-` prefix: the agent task's own name goes without.
  const stem = selectionStem(rows)
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  const name = (/^[A-Za-z]/.test(stem) ? stem : `copy-${stem}`).slice(0, 63).replace(/-$/, '');
  return {
    name,
    bucket: 'dms-staging',
    folder: name,
    targetEndpoint: '',
    instance,
    roleArn: '',
    format: 'csv.gz',
    parallel: '4',
  };
}

export function cycleFormat(format: AgentFormat, step: 1 | -1): AgentFormat {
  const i = AGENT_FORMATS.indexOf(format);
  return AGENT_FORMATS[(i + step + AGENT_FORMATS.length) % AGENT_FORMATS.length] as AgentFormat;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function agentDraftErrors(
  draft: AgentTaskDraft,
  target: AwsTarget,
): Partial<Record<AgentDraftField, string>> {
  const errors: Partial<Record<AgentDraftField, string>> = {};
  const name = agentTaskNameError(draft.name);
  if (name) errors.name = name;
  if (!BUCKET.test(draft.bucket))
    errors.bucket = 'a bucket name: 3–63 lowercase letters, digits, dots and hyphens';
  if (/^\/|\.\.|\/\//.test(draft.folder))
    errors.folder = 'a folder like stage/orders (no leading /, no .., no //)';
  if (!draft.targetEndpoint.trim())
    errors.targetEndpoint = 'the target endpoint (identifier or ARN) DMS loads into';
  if (!draft.instance.trim())
    errors.instance = 'the replication instance (identifier or ARN) that runs the DMS task';
  if (!target.sandbox && !/^arn:aws[\w-]*:iam::\d{12}:role\/.+/.test(draft.roleArn))
    errors.roleArn =
      'an IAM role ARN (arn:aws:iam::123456789012:role/…): DMS assumes it to read the bucket';
  if (!draft.format || !AGENT_FORMATS.includes(draft.format))
    errors.format = 'csv.gz, csv or parquet';
  const parallel = Number(draft.parallel);
  if (!Number.isInteger(parallel) || parallel < 1 || parallel > 64)
    errors.parallel = 'partitions at once: 1 to 64';
  return errors;
}

export function specFromDraft(
  draft: AgentTaskDraft,
  source: ConnectionSpec,
  project: string,
  rows: readonly MappingRow[],
  target: AwsTarget,
): AgentTaskSpec {
  const { password: _secret, ...connection } = source;
  return {
    name: draft.name,
    source: connection,
    project,
    select: rows.map((r) => `${r.action === 'exclude' ? '!' : ''}${r.schema}.${r.table}`),
    bucket: draft.bucket,
    folder: draft.folder,
    targetEndpoint: draft.targetEndpoint.trim(),
    instance: draft.instance.trim(),
    roleArn: draft.roleArn.trim(),
    format: draft.format,
    maxFileBytes: 256 * 1024 * 1024,
    parallel: Number(draft.parallel),
    rowsPerPartition: 250_000,
    nullMarker: DEFAULT_NULL_MARKER,
    aws: target,
  };
}
