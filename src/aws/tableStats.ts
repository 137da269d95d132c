// DescribeTableStatistics (all pages) and ReloadTables. Fails with an AwsError (call.ts).
import type { TableStatistics } from '@aws-sdk/client-database-migration-service';
import type { ReloadOption, TableStat } from '../model/tableStatsRow.js';

export type { ReloadOption };
import { AwsError, dmsCall } from './call.js';
import type { AwsClients } from './clients.js';

export function toTableStat(s: TableStatistics): TableStat {
  return {
    schema: s.SchemaName ?? '',
    table: s.TableName ?? '',
    state: s.TableState ?? '',
    fullLoadRows: s.FullLoadRows ?? 0,
    inserts: s.Inserts ?? 0,
    updates: s.Updates ?? 0,
    deletes: s.Deletes ?? 0,
    ddls: s.Ddls ?? 0,
    appliedInserts: s.AppliedInserts ?? 0,
    appliedUpdates: s.AppliedUpdates ?? 0,
    appliedDeletes: s.AppliedDeletes ?? 0,
    appliedDdls: s.AppliedDdls ?? 0,
    errorRows: s.FullLoadErrorRows ?? 0,
    validationState: s.ValidationState,
    validationPending: s.ValidationPendingRecords,
    validationFailed: s.ValidationFailedRecords,
    validationSuspended: s.ValidationSuspendedRecords,
    validationDetails: s.ValidationStateDetails,
    lastUpdated: s.LastUpdateTime,
  };
}

export async function listTableStats(
  clients: AwsClients,
  taskArn: string,
  options: { signal?: AbortSignal } = {},
): Promise<{ tables: TableStat[]; calls: number }> {
  let calls = 0;
  const tables = await dmsCall(
    clients,
    'DescribeTableStatistics',
    async (client, { paginateDescribeTableStatistics }) => {
      const all: TableStat[] = [];
      const pages = paginateDescribeTableStatistics(
        {
          client,
          pageSize: 500,
          withCommand: (command) => {
            calls++;
            return command;
          },
        },
        { ReplicationTaskArn: taskArn },
        { abortSignal: options.signal },
      );
      for await (const page of pages)
        for (const s of page.TableStatistics ?? []) all.push(toTableStat(s));
      return all;
    },
  );
  return { tables, calls };
}

export const RELOAD_TABLES_MAX = 10;

/** ReloadTables for up to RELOAD_TABLES_MAX tables; more, or none, is refused here with the code
 *  DMS would send (InvalidParameterValueException) and no HTTP status. */
export async function reloadTables(
  clients: AwsClients,
  taskArn: string,
  tables: { schema: string; table: string }[],
  reloadOption: ReloadOption = 'data-reload',
): Promise<void> {
  if (tables.length === 0)
    throw new AwsError('Mark at least one table to reload', {
      code: 'InvalidParameterValueException',
    });
  if (tables.length > RELOAD_TABLES_MAX)
    throw new AwsError(
      `DMS reloads at most ${RELOAD_TABLES_MAX} tables at a time (${tables.length} marked)`,
      { code: 'InvalidParameterValueException' },
    );
  await dmsCall(clients, 'ReloadTables', (client, { ReloadTablesCommand }) =>
    client.send(
      new ReloadTablesCommand({
        ReplicationTaskArn: taskArn,
        TablesToReload: tables.map((t) => ({ SchemaName: t.schema, TableName: t.table })),
        ReloadOption: reloadOption,
      }),
    ),
  );
}
