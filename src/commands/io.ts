// Where a subcommand writes, the parsed command, and the exit codes scripts can rely on.
import { AwsError } from '../aws/call.js';
import { LogMissingError } from '../aws/logs.js';
import type { ClientOptions } from '../aws/clients.js';
import type { TargetFlags } from '../model/targetRule.js';
import type { ApplyExceptions } from '../model/applyExceptions.js';
import type { ConnectionSpec } from '../model/connection.js';
import type { PreflightOptions } from '../model/preflightRequest.js';
import type { TASK_COMMANDS } from './cliArgs.js';

export type TaskCommand = (typeof TASK_COMMANDS)[number];

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C / SIGTERM (ends `logs --follow`). */
  signal?: AbortSignal;
  /** Follow poll interval (ms); tests shorten it. */
  followIntervalMs?: number;
  /** Finds or starts the sandbox (default: the launcher's); tests hand an in-process one. */
  ensureSandbox?: () => Promise<{ endpointUrl: string }>;
  /** Extra client options (tests: shorter timeouts, a request check). */
  clientOptions?: ClientOptions;
  /** How `stats` reads a CDC task's apply exceptions through the project's target connection
   *  (cli.tsx hands src/db's reader: commands do not reach databases themselves). */
  readApplyExceptions?: (
    target: ConnectionSpec,
    taskArn: string,
    latest: number,
  ) => Promise<ApplyExceptions>;
}

export const EXIT = {
  ok: 0,
  /** DMS refused an action (state, permissions) or an action failed for some task. */
  refused: 1,
  /** Bad flags or arguments. */
  usage: 2,
  /** A TASK that does not exist. */
  notFound: 3,
  /** AWS could not be reached or rejected the credentials. */
  unreachable: 4,
  /** `logs`: the task has no log (logging off, or no log group). */
  noLog: 5,
} as const;

export function processIo(): CommandIo {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    signal: controller.signal,
  };
}

export interface ParsedCommand {
  name: TaskCommand;
  tasks: string[];
  output: 'table' | 'json';
  follow: boolean;
  sinceMs?: number;
  yes: boolean;
  /** --profile, --region, --endpoint-url, --sandbox as given (the environment is not in them). */
  flags: TargetFlags;
  /** --project NAME: its AWS target decides where calls go. */
  project?: string;
  /** check --max-lag, in seconds. */
  maxLagSeconds?: number;
  /** preflight without a TASK: the task its options describe. */
  preflight?: PreflightOptions;
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof LogMissingError) return EXIT.noLog;
  if (error instanceof AwsError) {
    // A TaskNotFoundError too.
    if (error.code === 'ResourceNotFoundFault') return EXIT.notFound;
    if (
      error.transient ||
      /Credentials|InvalidClientTokenId|UnrecognizedClient|ExpiredToken|SignatureDoesNotMatch/.test(
        error.code,
      ) ||
      /credentials|region/i.test(error.message)
    )
      return EXIT.unreachable;
    return EXIT.refused;
  }
  return EXIT.refused;
}
