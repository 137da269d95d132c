// Task details in words: table-mapping rules as sentences, LOB and logging settings explained,
// and the task's fields as label/value lines. Pure.
import type { MappingRule } from './tableMappings.js';
import { type Task, type TaskNames, arnResource } from './task.js';
import type { LagSample } from './taskMetrics.js';
import { readTask } from './taskReading.js';
import { stopReasonText } from './taskLifecycleFailures.js';
import { timestampText } from './time.js';

export function ruleText(rule: MappingRule): string {
  const loc = rule['object-locator'] as Record<string, string | undefined>;
  const where = [loc['schema-name'], loc['table-name'], loc['column-name']]
    .filter((p) => p !== undefined)
    .join('.');
  if (rule['rule-type'] === 'selection') {
    const verb =
      rule['rule-action'] === 'exclude'
        ? 'Exclude'
        : rule['rule-action'] === 'explicit'
          ? 'Include exactly'
          : 'Include';
    const filters =
      rule.filters && rule.filters.length > 0
        ? ` (with ${rule.filters.length} filter${rule.filters.length > 1 ? 's' : ''})`
        : '';
    const order = rule['load-order'] !== undefined ? `, load order ${rule['load-order']}` : '';
    return `${verb} ${where}${filters}${order}`;
  }
  if (rule['rule-type'] === 'transformation') {
    const target = rule['rule-target'];
    const a = rule['rule-action'];
    const value = rule.value !== undefined ? ` "${rule.value}"` : '';
    const actionText: Record<string, string> = {
      rename: `Rename ${target} ${where} to${value}`,
      'convert-lowercase': `Lower-case the ${target} names of ${where}`,
      'convert-uppercase': `Upper-case the ${target} names of ${where}`,
      'add-prefix': `Add prefix${value} to the ${target} names of ${where}`,
      'remove-prefix': `Remove prefix${value} from the ${target} names of ${where}`,
      'add-suffix': `Add suffix${value} to the ${target} names of ${where}`,
      'remove-suffix': `Remove suffix${value} from the ${target} names of ${where}`,
      'remove-column': `Drop column ${where}`,
    };
    return actionText[a] ?? `${a} on ${target} ${where}${value}`;
  }
  return JSON.stringify(rule);
}

/** The mapping rules as sentences, or one line saying why they cannot be read. */
export function mappingLines(tableMappings: string | undefined): string[] {
  if (!tableMappings) return ['(no table mappings returned)'];
  try {
    const doc = JSON.parse(tableMappings) as { rules?: MappingRule[] };
    const rules = doc.rules ?? [];
    if (rules.length === 0) return ['(no rules)'];
    return rules.map((r) => `${r['rule-id'] ?? '?'}. ${ruleText(r)}`);
  } catch {
    return ['(table mappings are not valid JSON)'];
  }
}

export interface SettingsSummary {
  lob: string;
  logging: string;
  loggingEnabled: boolean;
  prepMode?: string;
}

/** LOB and logging settings in words; undefined parts when settings were not fetched. */
export function settingsSummary(settingsJson: string | undefined): SettingsSummary | undefined {
  if (!settingsJson) return undefined;
  let s: Record<string, Record<string, unknown> | undefined>;
  try {
    s = JSON.parse(settingsJson);
  } catch {
    return { lob: '(settings are not valid JSON)', logging: '(unknown)', loggingEnabled: false };
  }
  const tm = s.TargetMetadata ?? {};
  let lob: string;
  if (tm.SupportLobs === false) lob = "Don't include LOB columns";
  else if (tm.FullLobMode === true) lob = `Full LOB mode, chunks of ${tm.LobChunkSize ?? 64} KB`;
  else lob = `Limited LOB mode, LOBs truncated at ${tm.LobMaxSize ?? 32} KB`;
  const logging = s.Logging ?? {};
  const enabled = logging.EnableLogging === true;
  const group = logging.CloudWatchLogGroup as string | undefined;
  return {
    lob,
    loggingEnabled: enabled,
    logging: enabled
      ? `CloudWatch logging on${group ? ` (group ${group})` : ''}`
      : 'CloudWatch logging off',
    prepMode: (s.FullLoadSettings?.TargetTablePrepMode as string | undefined) ?? undefined,
  };
}

/** Turns EnableLogging on in a settings document (for ModifyReplicationTask); strips the
 *  CloudWatch group/stream names DMS fills in itself. */
export function enableLoggingSettings(settingsJson: string | undefined): string {
  let s: Record<string, unknown> = {};
  try {
    if (settingsJson) s = JSON.parse(settingsJson);
  } catch {
    s = {};
  }
  const logging: Record<string, unknown> = {
    ...((s.Logging as Record<string, unknown>) ?? {}),
    EnableLogging: true,
  };
  delete logging.CloudWatchLogGroup;
  delete logging.CloudWatchLogStream;
  return JSON.stringify({ Logging: logging });
}

export interface DetailLine {
  label: string;
  value: string;
  tone?: 'bad' | 'good';
}

/** `lag` is the task's latest replication lag, when known (the Status line then says it). */
export function taskDetailLines(task: Task, names: TaskNames, lag?: LagSample): DetailLine[] {
  const ep = (arn: string) => {
    const e = names.endpoints.get(arn);
    if (!e) return arnResource(arn);
    const server = e.server
      ? ` at ${e.server}${e.port ? `:${e.port}` : ''}${e.database ? `/${e.database}` : ''}`
      : '';
    return `${e.identifier} (${e.engineName}${server})`;
  };
  const inst = names.instances.get(task.instanceArn);
  const when = (d?: Date) => (d ? timestampText(d) : '—');
  const reading = readTask(task, undefined, lag);
  const lines: DetailLine[] = [
    { label: 'Task', value: task.id },
    { label: 'ARN', value: task.arn },
    {
      label: 'Status',
      value: `${task.status} · ${reading.words}`,
      ...(reading.tone === 'bad' ? { tone: 'bad' as const } : {}),
    },
    { label: 'Migration type', value: task.migrationType },
    { label: 'Source', value: ep(task.sourceEndpointArn) },
    { label: 'Target', value: ep(task.targetEndpointArn) },
    {
      label: 'Instance',
      value: inst
        ? `${inst.identifier}${inst.instanceClass ? ` (${inst.instanceClass})` : ''}`
        : arnResource(task.instanceArn),
    },
    { label: 'Created', value: when(task.createdAt) },
    { label: 'Started', value: when(task.startedAt) },
  ];
  if (task.stats?.stopDate) lines.push({ label: 'Stopped', value: when(task.stats.stopDate) });
  if (task.stats) {
    const s = task.stats;
    lines.push({
      label: 'Progress',
      value: `${reading.percent}% · tables loaded ${s.tablesLoaded}, loading ${s.tablesLoading}, queued ${s.tablesQueued}, errored ${s.tablesErrored}`,
    });
  }
  if (task.stopReason) lines.push({ label: 'Stop reason', value: stopReasonText(task.stopReason) });
  if (task.lastFailureMessage)
    lines.push({
      label: 'Last failure',
      value: task.lastFailureMessage.replace(/\s+/g, ' '),
      tone: 'bad',
    });
  return lines;
}
