// `dms-tui preflight --project P --select 'schema.table%' …` without a task: the options the
// checks read, with the Create DMS Task form's defaults (full load, drop tables on target,
// limited LOB mode of 32 KB, validation off). `--select` takes the agent's patterns
// (model/agentSelection.ts: DMS wildcards, `!` in front excludes).
import { selectionRows } from '../model/agentSelection.js';
import { DEFAULT_LOB_MAX_KB, type LobMode, parseLobSize } from '../model/lobSettings.js';
import type { PreflightOptions } from '../model/preflightRequest.js';
import type { MigrationType, TablePrepMode } from '../model/taskInput.js';

export interface PreflightFlags {
  select?: string[];
  'migration-type'?: string;
  'lob-mode'?: string;
  'lob-max-kb'?: string;
  'target-prep'?: string;
  validation?: boolean;
}

export const PREFLIGHT_FLAGS = {
  select: { type: 'string', multiple: true },
  'migration-type': { type: 'string' },
  'lob-mode': { type: 'string' },
  'lob-max-kb': { type: 'string' },
  'target-prep': { type: 'string' },
  validation: { type: 'boolean' },
} as const;

const NAMES = Object.keys(PREFLIGHT_FLAGS).map((n) => `--${n}`);

const MIGRATION_TYPES: readonly MigrationType[] = ['full-load', 'cdc', 'full-load-and-cdc'];
const LOB_MODES: readonly LobMode[] = ['none', 'limited', 'full'];
const TARGET_PREP: Record<string, TablePrepMode> = {
  drop: 'DROP_AND_CREATE',
  truncate: 'TRUNCATE_BEFORE_LOAD',
  'do-nothing': 'DO_NOTHING',
  drop_and_create: 'DROP_AND_CREATE',
  truncate_before_load: 'TRUNCATE_BEFORE_LOAD',
  do_nothing: 'DO_NOTHING',
};

/** Whether any of the task-less options was given. */
export function givesPreflightOptions(flags: PreflightFlags): boolean {
  return Object.keys(PREFLIGHT_FLAGS).some((n) => flags[n as keyof PreflightFlags] !== undefined);
}

/** The options, or one line saying which flag is wrong. */
export function preflightOptions(
  command: string,
  hasTask: boolean,
  flags: PreflightFlags,
): PreflightOptions | undefined | { error: string } {
  const given = givesPreflightOptions(flags);
  if (command !== 'preflight')
    return given ? { error: `${NAMES.join(', ')} go with preflight` } : undefined;
  if (hasTask)
    return given
      ? {
          error: `${NAMES.join(', ')} describe a task that does not exist yet: give them without TASK (a TASK's own settings are checked)`,
        }
      : undefined;
  if (!flags.select?.length)
    return { error: "preflight without a TASK needs --select 'schema.table' (repeatable)" };
  const rows = selectionRows(flags.select);
  if ('error' in rows) return rows;
  if (!rows.some((r) => r.action === 'include'))
    return { error: '--select needs at least one pattern that includes (not only !excludes)' };
  const type = flags['migration-type'] ?? 'full-load';
  if (!(MIGRATION_TYPES as readonly string[]).includes(type))
    return { error: `--migration-type is ${MIGRATION_TYPES.join(', ')} (got "${type}")` };
  const lobMode = flags['lob-mode'] ?? 'limited';
  if (!(LOB_MODES as readonly string[]).includes(lobMode))
    return { error: `--lob-mode is ${LOB_MODES.join(', ')} (got "${lobMode}")` };
  let lobKb = DEFAULT_LOB_MAX_KB;
  if (flags['lob-max-kb'] !== undefined) {
    if (lobMode !== 'limited') return { error: '--lob-max-kb goes with --lob-mode limited' };
    const size = parseLobSize(flags['lob-max-kb'], 'limited');
    if (!size.ok) return { error: `--lob-max-kb: ${size.error}` };
    lobKb = size.kb;
  }
  const prepText = flags['target-prep'] ?? 'drop';
  const prep = TARGET_PREP[prepText.toLowerCase()];
  if (!prep) return { error: `--target-prep is drop, truncate or do-nothing (got "${prepText}")` };
  if (type === 'cdc' && flags['target-prep'] !== undefined)
    return { error: '--target-prep does not apply to --migration-type cdc (it loads no table)' };
  return {
    migrationType: type as MigrationType,
    tablePrepMode: prep,
    lobMode: lobMode as LobMode,
    lobKb,
    validation: flags.validation ? 'on' : 'off',
    mappings: rows,
  };
}
