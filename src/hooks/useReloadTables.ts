// ReloadTables for some tables of a task, with the result in the status bar, and why a reload
// cannot be asked for (no table, or more than DMS takes at once).
import { useCallback } from 'react';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import { errorLine } from '../aws/call.js';
import { RELOAD_TABLES_MAX, reloadTables } from '../aws/tableStats.js';

export interface ReloadTablesApi {
  /** Reloads the tables; `onReloaded` runs once DMS accepted. */
  reload(tables: { schema: string; table: string }[], onReloaded?: () => void): void;
  /** Why `count` tables cannot be reloaded, or null. */
  refusal(count: number): string | null;
}

export function useReloadTables({ arn, id }: { arn: string; id: string }): ReloadTablesApi {
  const { clients } = useServices();
  const { setError, setNotice } = useStatus();
  const reload = useCallback(
    (tables: { schema: string; table: string }[], onReloaded?: () => void) => {
      reloadTables(clients, arn, tables).then(
        () => {
          setError(null);
          setNotice(`Reloading ${tables.length} table(s) of ${id}`);
          onReloaded?.();
        },
        (e) => setError(`Reload refused: ${errorLine(e)}`),
      );
    },
    [clients, arn, id, setError, setNotice],
  );
  return { reload, refusal: reloadRefusal };
}

function reloadRefusal(count: number): string | null {
  if (count === 0) return 'No table here';
  if (count > RELOAD_TABLES_MAX)
    return `DMS reloads at most ${RELOAD_TABLES_MAX} tables at a time (${count} marked)`;
  return null;
}
