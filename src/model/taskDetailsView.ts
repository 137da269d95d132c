// The task details screen's content: the lines it shows (identifiers, endpoints, settings in
// words, then the table mappings as sentences) and the task as JSON for `y`, with its settings
// and mappings parsed so they read as JSON too. Pure.
import type { Task, TaskNames } from './task.js';
import { dmsTaskWithReading } from './dmsShape.js';
import type { LagSample } from './taskMetrics.js';
import { mappingLines, settingsSummary, taskDetailLines } from './taskDetails.js';

export interface DetailsLine {
  text: string;
  /** A value that is bad news (a failure, a stop for an error). */
  bad?: boolean;
  /** A section title. */
  title?: boolean;
}

const LABEL_WIDTH = 16;
const labelled = (label: string, value: string) => `${label.padEnd(LABEL_WIDTH)}${value}`;

/** `agentTask`: the replication agent's task this one is the DMS subtask of, when it is one. */
export function taskDetailsView(
  task: Task,
  names: TaskNames,
  lag?: LagSample,
  agentTask?: string,
): DetailsLine[] {
  const out: DetailsLine[] = taskDetailLines(task, names, lag).map((l) => ({
    text: labelled(l.label, l.value),
    ...(l.tone === 'bad' ? { bad: true } : {}),
  }));
  if (agentTask)
    out.splice(1, 0, {
      text: labelled(
        'Agent task',
        `${agentTask}: loads what the replication agent extracted to S3 (:agent shows it)`,
      ),
    });
  const s = settingsSummary(task.settings);
  if (s) {
    out.push({ text: labelled('LOB columns', s.lob) });
    out.push({ text: labelled('Logging', s.logging) });
    if (s.prepMode) out.push({ text: labelled('Target tables', s.prepMode) });
  }
  out.push({ text: '' }, { text: 'Table mappings', title: true });
  for (const m of mappingLines(task.tableMappings)) out.push({ text: `  ${m}` });
  return out;
}

/** The task as `y` shows it: the DMS API shape (DescribeReplicationTasks' field names), its
 *  settings and mappings parsed from their JSON strings to be readable (kept as text if
 *  invalid) and put after the short fields, and the app's reading under "DmsTui". */
export function taskJson(task: Task, names?: TaskNames): Record<string, unknown> {
  // The two long documents after the short fields, so Status shows on the first screen.
  const {
    TableMappings: _m,
    ReplicationTaskSettings: _s,
    DmsTui,
    ...fields
  } = dmsTaskWithReading(task, names);
  return {
    ...fields,
    TableMappings: parsedOrText(task.tableMappings),
    ReplicationTaskSettings: parsedOrText(task.settings),
    DmsTui,
  };
}

function parsedOrText(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
