// Command-line flags: parsed and validated without touching the terminal, so a bad flag prints
// one clear line plus usage and exits 2 before the screen is ever switched.
import { parseArgs } from 'node:util';
import { looksLikeRegion } from '../model/regions.js';

/** The flags shared by the app and the commands; profile, region, endpoint are flags only. */
export interface CommonOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  readOnly: boolean;
  refreshSeconds?: number;
  sandbox: boolean;
  project?: string;
}

export type CliParse =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'tui'; options: CommonOptions }
  /** A subcommand (sandbox, tasks, start…): it parses its own arguments. */
  | { kind: 'subcommand'; name: string; args: string[] }
  | { kind: 'error'; message: string };

/** The task subcommands for scripts (src/commands). */
export const TASK_COMMANDS = [
  'tasks',
  'start',
  'stop',
  'resume',
  'reload',
  'delete',
  'stats',
  'logs',
  'check',
  'validation',
  'preflight',
] as const;

export const SUBCOMMANDS = [
  'sandbox',
  'agent',
  'agent-tasks',
  'agent-task',
  ...TASK_COMMANDS,
] as const;

export const COMMON_FLAGS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
  'read-only': { type: 'boolean' },
  refresh: { type: 'string' },
  sandbox: { type: 'boolean' },
  project: { type: 'string' },
} as const;

export function parseCli(argv: readonly string[]): CliParse {
  const first = argv[0];
  if (first && (SUBCOMMANDS as readonly string[]).includes(first))
    return { kind: 'subcommand', name: first, args: argv.slice(1) };
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof TUI_FLAGS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: TUI_FLAGS,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { kind: 'error', message: cleanParseError((error as Error).message) };
  }
  if (parsed.values.help) return { kind: 'help' };
  if (parsed.values.version) return { kind: 'version' };
  if (parsed.positionals.length > 0) {
    return {
      kind: 'error',
      message: `Unknown command "${parsed.positionals[0]}" (commands: ${SUBCOMMANDS.join(', ')})`,
    };
  }
  const options = commonOptions(parsed.values);
  return typeof options === 'string'
    ? { kind: 'error', message: options }
    : { kind: 'tui', options };
}

const TUI_FLAGS = {
  ...COMMON_FLAGS,
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type FlagValues = {
  [K in keyof typeof COMMON_FLAGS]?: (typeof COMMON_FLAGS)[K]['type'] extends 'string'
    ? string
    : boolean;
};

/** Validates the shared flags; returns an error line or the options. The AWS_* environment is
 *  not read here: src/model/targetRule.ts decides what it may fill in. */
export function commonOptions(values: FlagValues): CommonOptions | string {
  const profile = values.profile;
  const region = values.region;
  const endpointUrl = values['endpoint-url'];
  if (profile !== undefined && profile.trim() === '') return '--profile needs a profile name';
  if (region !== undefined && !looksLikeRegion(region)) {
    return `"${region}" is not an AWS region (for example: us-east-1, eu-west-2)`;
  }
  if (endpointUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(endpointUrl);
    } catch {
      return `"${endpointUrl}" is not a URL (for example: http://127.0.0.1:18590)`;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return `--endpoint-url must be http:// or https:// (got ${url.protocol})`;
  }
  let refreshSeconds: number | undefined;
  if (values.refresh !== undefined) {
    refreshSeconds = Number(values.refresh);
    if (!Number.isFinite(refreshSeconds) || refreshSeconds < 1 || refreshSeconds > 3600) {
      return `--refresh takes seconds between 1 and 3600 (got "${values.refresh}")`;
    }
  }
  if (values.project !== undefined && values.project.trim() === '')
    return '--project needs a project name';
  if (values.sandbox && (values.profile || values['endpoint-url'])) {
    return '--sandbox cannot be combined with --profile or --endpoint-url';
  }
  return {
    profile: values.sandbox ? undefined : profile,
    region: values.sandbox ? undefined : region,
    endpointUrl: values.sandbox ? undefined : endpointUrl,
    readOnly: values['read-only'] ?? false,
    refreshSeconds,
    sandbox: values.sandbox ?? false,
    project: values.project,
  };
}

function cleanParseError(message: string): string {
  // node:util says: "Unknown option '--foo'. To specify a positional argument starting with a '-'…"
  const first = message.split('. ')[0] ?? message;
  return first.replace(/^Option '(--[\w-]+)(?: <value>)?' argument missing$/, '$1 needs a value');
}

export const USAGE = `Usage: dms-tui [options]            full-screen app
       dms-tui sandbox [--port N] [--data-dir DIR] [--chaos SPEC] | sandbox stop | sandbox status
       dms-tui tasks | start|stop|resume|reload|delete TASK… | stats TASK | logs TASK [--follow] [--since 10m]
       dms-tui check TASK… [--max-lag 60s]   exit 1 with a line per failed or lagging task
       dms-tui agent run|start|stop|status | agent-tasks | agent-task create|start|stop|resume|delete NAME
       dms-tui validation TASK              data validation per table; exit 1 if any mismatched
       dms-tui preflight TASK --project P   local premigration checks; exit 1 if any fails
       dms-tui preflight --project P --select 'schema.table%'   the same for a task not created yet

Options:
  --profile NAME        AWS profile from ~/.aws/config or ~/.aws/credentials (AWS_PROFILE)
  --region REGION       AWS region, e.g. eu-west-1 (AWS_REGION)
  --endpoint-url URL    send DMS and CloudWatch Logs calls here (AWS_ENDPOINT_URL)
  --sandbox             run against the local DMS sandbox (started if not running)
  --project NAME        this project and its AWS target (default: the one used last)
  --read-only           no start/stop/delete/create: safe for looking at production
  --refresh SECONDS     how often lists refresh (default 5)
  -h, --help            this help
  -v, --version         the version`;
