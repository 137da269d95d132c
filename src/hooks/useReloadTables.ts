// ReloadTables for some tables of a task, with the result in the status bar, and why a reload
// cannot be asked for (no table, or more than DMS takes at once). Re-validating (ReloadOption
// validate-only) also needs the task running with data validation on, read from DMS first.
import { useCallback } from 'react';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import { errorLine } from '../aws/call.js';
import { RELOAD_TABLES_MAX, type ReloadOption, reloadTables } from '../aws/tableStats.js';
import { findTask } from '../aws/tasks.js';
import { refusal } from '../model/taskStatus.js';
import { readValidationSettings } from '../model/validation.js';

export interface ReloadTablesApi {
  /** Reloads (or only re-validates) the tables; `onReloaded` runs once DMS accepted. */
  reload(
    tables: { schema: string; table: string }[],
    onReloaded?: () => void,
    option?: ReloadOption,
  ): void;
  /** Why `count` tables cannot be reloaded (or re-validated), or null. */
  refusal(count: number, option?: ReloadOption): string | null;
  /** Why the task's tables cannot be re-validated now (not running, validation off), or null:
   *  the task as DMS has it now. */
  revalidateRefusal(): Promise<string | null>;
}

function settingsOf(json: string | undefined): Record<string, unknown> {
  try {
    const value = JSON.parse(json ?? '{}') as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function useReloadTables({ arn, id }: { arn: string; id: string }): ReloadTablesApi {
  const { clients } = useServices();
  const { setError, setNotice } = useStatus();
  const reload = useCallback(
    (
      tables: { schema: string; table: string }[],
      onReloaded?: () => void,
      option: ReloadOption = 'data-reload',
    ) => {
      const what = option === 'validate-only' ? 'Re-validate' : 'Reload';
      reloadTables(clients, arn, tables, option).then(
        () => {
          setError(null);
          setNotice(
            `${option === 'validate-only' ? 'Re-validating' : 'Reloading'} ${tables.length} table(s) of ${id}`,
          );
          onReloaded?.();
        },
        (e) => setError(`${what} refused: ${errorLine(e)}`),
      );
    },
    [clients, arn, id, setError, setNotice],
  );
  const revalidateRefusal = useCallback(async () => {
    const task = await findTask(clients, arn, { withSettings: true }).catch(
      (e: unknown) => `Cannot read the task: ${errorLine(e)}`,
    );
    if (typeof task === 'string') return task;
    if (!readValidationSettings(settingsOf(task.settings)).enabled)
      return `Data validation is off for ${id}: turn it on with e (Modify) first`;
    const refused = refusal(task, 'reloadTables');
    return refused ? refused.replace('reloaded', 're-validated') : null;
  }, [clients, arn, id]);
  return { reload, refusal: reloadRefusal, revalidateRefusal };
}

function reloadRefusal(count: number, option: ReloadOption = 'data-reload'): string | null {
  if (count === 0) return 'No table here';
  if (count > RELOAD_TABLES_MAX)
    return `DMS ${option === 'validate-only' ? 're-validates' : 'reloads'} at most ${RELOAD_TABLES_MAX} tables at a time (${count} marked)`;
  return null;
}
