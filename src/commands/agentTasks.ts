// `dms-tui agent-tasks` and `dms-tui agent-task create|start|stop|resume|delete NAME`: the
// agent's Local & DMS tasks for scripts. They talk to the agent of --data-dir over its control
// channel (starting it for create/start/resume); the source password comes from the project
// store, DMS_TUI_SOURCE_PASSWORD or a prompt, never from argv.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type AgentTaskView, passwordHint } from '../model/agentView.js';
import { defaultAgentDir } from '../agent/agentDir.js';
import { AgentNotRunningError, callAgent, ControlError } from '../agent/control.js';
import { PASSWORD_ENV } from '../agent/deps.js';
import { startAgent } from '../agent/launcher.js';
import { errorLine } from '../aws/call.js';
import { bytesText } from '../model/catalog.js';
import { parseSourceUrl, selectionRows } from '../model/agentSelection.js';
import {
  AGENT_FORMATS,
  type AgentFormat,
  type AgentTaskSpec,
  agentTaskNameError,
} from '../model/agentTask.js';
import { DEFAULT_NULL_MARKER } from '../model/agentCsv.js';
import { COMMON_FLAGS, commonOptions } from './cliArgs.js';
import { visibleIo } from './format.js';
import { commandTarget, UsageError } from './index.js';
import { type CommandIo, EXIT, processIo } from './io.js';
import { promptPassword } from './passwordPrompt.js';

export const AGENT_TASK_USAGE = `Usage: dms-tui agent-tasks [--output table|json]
       dms-tui agent-task create NAME (--project P | --source URL) --select 'schema.table%'… \\
           --bucket B [--folder F] --target-endpoint ID|ARN --instance ID|ARN [--role-arn ARN] \\
           [--format csv.gz|csv|parquet] [--max-file-mb N] [--parallel N] [--rows-per-partition N] [--start]
       dms-tui agent-task start|stop|resume NAME
       dms-tui agent-task delete NAME --yes [--objects] [--dms]
--select may repeat; a leading ! excludes (e.g. '!public.audit%'). --role-arn is required on AWS.
The source password: the project's, else ${PASSWORD_ENV}, else a prompt; start and resume ask
again when the agent no longer holds it (it restarted): it stays in the agent's memory only.
All take --data-dir DIR (which agent) and --profile, --region, --endpoint-url, --sandbox.
Exit codes: 0 ok · 1 refused or failed · 2 bad arguments · 3 no such task, or no agent running ·
4 AWS unreachable`;

const FLAGS = {
  ...COMMON_FLAGS,
  'data-dir': { type: 'string' },
  output: { type: 'string', short: 'o' },
  source: { type: 'string' },
  select: { type: 'string', multiple: true },
  bucket: { type: 'string' },
  folder: { type: 'string' },
  'target-endpoint': { type: 'string' },
  instance: { type: 'string' },
  'role-arn': { type: 'string' },
  format: { type: 'string' },
  'max-file-mb': { type: 'string' },
  parallel: { type: 'string' },
  'rows-per-partition': { type: 'string' },
  start: { type: 'boolean' },
  objects: { type: 'boolean' },
  dms: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true; strict: true }>
>['values'];

function positiveInt(
  text: string | undefined,
  flag: string,
  fallback: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new UsageError(`${flag} takes a whole number from 1 to ${max} (got "${text}")`);
  return n;
}

async function buildSpec(name: string, v: Values, io: CommandIo): Promise<AgentTaskSpec> {
  const nameError = agentTaskNameError(name);
  if (nameError) throw new UsageError(nameError);
  if (Boolean(v.project) === Boolean(v.source))
    throw new UsageError('give the source as --project P or --source URL (one of them)');
  for (const [flag, value] of [
    ['--select', v.select?.[0]],
    ['--bucket', v.bucket],
    ['--target-endpoint', v['target-endpoint']],
    ['--instance', v.instance],
  ] as const)
    if (!value) throw new UsageError(`create needs ${flag}`);
  const rows = selectionRows(v.select ?? []);
  if ('error' in rows) throw new UsageError(rows.error);
  const format = (v.format ?? 'csv.gz') as AgentFormat;
  if (!AGENT_FORMATS.includes(format))
    throw new UsageError(`--format is one of ${AGENT_FORMATS.join(', ')}`);
  const common = commonOptions(v);
  if (typeof common === 'string') throw new UsageError(common);
  let source: AgentTaskSpec['source'];
  if (v.project) {
    const { openProjects } = await import('../config/projects.js');
    const project = openProjects().get(v.project);
    if (!project?.source)
      throw new UsageError(`no project named "${v.project}" with a source connection`);
    const { password: _secret, ...rest } = project.source;
    source = rest;
  } else {
    const parsed = parseSourceUrl(v.source as string);
    if ('error' in parsed) throw new UsageError(parsed.error);
    source = parsed;
  }
  const { target: aws } = await commandTarget(
    {
      flags: {
        profile: common.profile,
        region: common.region,
        endpointUrl: common.endpointUrl,
        sandbox: common.sandbox,
      },
      project: v.project,
    },
    io,
  );
  if (!aws.sandbox && !v['role-arn'])
    throw new UsageError(
      '--role-arn is required on AWS: the IAM role DMS assumes to read the bucket',
    );
  return {
    name,
    source,
    project: v.project,
    select: v.select ?? [],
    bucket: v.bucket as string,
    folder: v.folder ?? name,
    targetEndpoint: v['target-endpoint'] as string,
    instance: v.instance as string,
    roleArn: v['role-arn'] ?? '',
    format,
    maxFileBytes: positiveInt(v['max-file-mb'], '--max-file-mb', 256, 1024) * 1024 * 1024,
    parallel: positiveInt(v.parallel, '--parallel', 4, 64),
    rowsPerPartition: positiveInt(
      v['rows-per-partition'],
      '--rows-per-partition',
      250_000,
      100_000_000,
    ),
    nullMarker: DEFAULT_NULL_MARKER,
    aws,
  };
}

/** The password a start or resume hands the agent when it holds none: the environment's, else
 *  one typed at the terminal (never echoed); refused without a terminal. */
async function neededPassword(task: AgentTaskView, io: CommandIo): Promise<string> {
  const fromEnv = io.env[PASSWORD_ENV];
  if (fromEnv !== undefined) return fromEnv;
  const { user, host, port, database } = task.spec.source;
  const typed = await promptPassword(
    `Source password for agent task ${task.name} (${user}@${host}:${port}/${database}): `,
  );
  if (typed === null)
    throw new Error(
      `agent task "${task.name}" needs the source password: run this in a terminal to type it, or set ${PASSWORD_ENV}`,
    );
  return typed;
}

/** The password to hand the agent: none for a project (it reads the store), else env or prompt. */
async function sourcePassword(v: Values, io: CommandIo): Promise<string | undefined> {
  if (v.project) return undefined;
  const fromEnv = io.env[PASSWORD_ENV];
  if (fromEnv !== undefined) return fromEnv;
  return (await promptPassword('Source password (Enter for none): ')) || undefined;
}

function taskRows(tasks: AgentTaskView[]): string {
  const header = ['NAME', 'STATE', 'PROGRESS', 'LOCAL', 'DMS', 'PARTITIONS', 'ROWS', 'BYTES'];
  const rows = tasks.map((t) => {
    const done = t.local.tables.reduce((s, x) => s + x.partitionsDone, 0);
    const total = t.local.tables.reduce((s, x) => s + x.partitionsTotal, 0);
    return [
      t.name,
      t.state,
      `${t.progress}%`,
      t.local.state,
      t.dms.state,
      `${done}/${total}`,
      String(t.local.tables.reduce((s, x) => s + x.rows, 0)),
      bytesText(t.local.tables.reduce((s, x) => s + x.bytes, 0)),
    ];
  });
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return `${all
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n${tasks
    .map((t) => {
      const hint = passwordHint(t);
      return hint ? `${t.name}: ${hint}\n` : '';
    })
    .join('')}`;
}

async function agentDir(v: Values, ensure: boolean): Promise<string> {
  const dir = resolve(v['data-dir'] ?? defaultAgentDir());
  if (ensure) await startAgent(dir);
  return dir;
}

export async function runAgentTaskCommand(
  name: string,
  args: string[],
  rawIo: CommandIo = processIo(),
): Promise<number> {
  const io = visibleIo(rawIo);
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args, options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`dms-tui ${name}: ${(error as Error).message.split('. ')[0]}\n${AGENT_TASK_USAGE}\n`);
    return EXIT.usage;
  }
  const v = parsed.values;
  if (v.help) {
    io.stdout(`${AGENT_TASK_USAGE}\n`);
    return EXIT.ok;
  }
  const [action, task, ...extra] =
    name === 'agent-tasks' ? ['list', undefined] : parsed.positionals;
  try {
    if (v.output && v.output !== 'table' && v.output !== 'json')
      throw new UsageError(`--output is table or json (got "${v.output}")`);
    if (name === 'agent-tasks') {
      if (parsed.positionals.length > 0)
        throw new UsageError('agent-tasks takes no NAME (it lists them all)');
      const tasks = await callAgent<AgentTaskView[]>(await agentDir(v, false), 'GET', '/tasks');
      io.stdout(v.output === 'json' ? `${JSON.stringify(tasks, null, 2)}\n` : taskRows(tasks));
      return EXIT.ok;
    }
    if (!action || !['create', 'start', 'stop', 'resume', 'delete'].includes(action))
      throw new UsageError('agent-task needs create, start, stop, resume or delete');
    if (!task || extra.length > 0)
      throw new UsageError(`agent-task ${action} takes exactly one NAME`);
    let result: unknown;
    if (action === 'create') {
      const spec = await buildSpec(task, v, io);
      const dir = await agentDir(v, true);
      const password = await sourcePassword(v, io);
      result = await callAgent(dir, 'POST', '/tasks', { spec, password });
      if (v.start)
        result = await callAgent(dir, 'POST', `/tasks/${encodeURIComponent(task)}/start`, {
          password,
        });
    } else if (action === 'delete') {
      if (!v.yes)
        throw new UsageError(
          'delete removes the agent task: add --yes (and --objects / --dms to remove its S3 objects / DMS task and endpoint)',
        );
      result = await callAgent(
        await agentDir(v, false),
        'POST',
        `/tasks/${encodeURIComponent(task)}/delete`,
        { objects: Boolean(v.objects), dms: Boolean(v.dms) },
        120_000,
      );
    } else {
      const dir = await agentDir(v, action !== 'stop');
      let password: string | undefined;
      if (action !== 'stop') {
        const tasks = await callAgent<AgentTaskView[]>(dir, 'GET', '/tasks');
        const view = tasks.find((t) => t.name === task);
        if (!view) throw new ControlError(404, `no agent task "${task}"`);
        if (view.needsPassword) password = await neededPassword(view, io);
      }
      result = await callAgent(dir, 'POST', `/tasks/${encodeURIComponent(task)}/${action}`, {
        password,
      });
    }
    if (v.output === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else if (action === 'delete')
      io.stdout(
        `deleted ${task}${(result as { removed: string[] }).removed.map((r) => `; removed ${r}`).join('')}\n`,
      );
    else
      io.stdout(
        `${task}: ${(result as AgentTaskView).state} (${(result as AgentTaskView).progress}%)\n`,
      );
    return EXIT.ok;
  } catch (error) {
    io.stderr(
      `dms-tui ${name}${action && name !== 'agent-tasks' ? ` ${action}` : ''}: ${errorLine(error)}\n`,
    );
    if (error instanceof UsageError) return EXIT.usage;
    if (error instanceof AgentNotRunningError) return EXIT.notFound;
    if (error instanceof ControlError) return error.status === 404 ? EXIT.notFound : EXIT.refused;
    return EXIT.refused;
  }
}
