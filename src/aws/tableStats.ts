// DescribeTableStatistics (all pages) and ReloadTables.
import type { TableStatistics } from '@aws-sdk/client-database-migration-service';
import type { TableStat } from '../model/tableStatsRow.js';
import { awsCall } from './call.js';
import type { AwsClients } from './clients.js';
import { loadDms } from './sdk.js';

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
    errorRows: s.FullLoadErrorRows ?? 0,
    validationState: s.ValidationState,
    lastUpdated: s.LastUpdateTime,
  };
}

export async function listTableStats(
  clients: AwsClients,
  taskArn: string,
  options: { signal?: AbortSignal } = {},
): Promise<{ tables: TableStat[]; calls: number }> {
  const { DescribeTableStatisticsCommand } = await loadDms();
  const client = await awsCall(clients.target, 'dms', 'DescribeTableStatistics', () =>
    clients.dms(),
  );
  const tables: TableStat[] = [];
  let marker: string | undefined;
  let calls = 0;
  do {
    calls++;
    const page = await awsCall(clients.target, 'dms', 'DescribeTableStatistics', () =>
      client.send(
        new DescribeTableStatisticsCommand({
          ReplicationTaskArn: taskArn,
          MaxRecords: 500,
          Marker: marker,
        }),
        { abortSignal: options.signal },
      ),
    );
    for (const s of page.TableStatistics ?? []) tables.push(toTableStat(s));
    marker = page.Marker || undefined;
  } while (marker);
  return { tables, calls };
}

export const RELOAD_TABLES_MAX = 10;

export async function reloadTables(
  clients: AwsClients,
  taskArn: string,
  tables: { schema: string; table: string }[],
): Promise<void> {
  if (tables.length === 0) throw new Error('Mark at least one table to reload');
  if (tables.length > RELOAD_TABLES_MAX)
    throw new Error(
      `DMS reloads at most ${RELOAD_TABLES_MAX} tables at a time (${tables.length} marked)`,
    );
  const { ReloadTablesCommand } = await loadDms();
  const client = await clients.dms();
  await awsCall(clients.target, 'dms', 'ReloadTables', () =>
    client.send(
      new ReloadTablesCommand({
        ReplicationTaskArn: taskArn,
        TablesToReload: tables.map((t) => ({ SchemaName: t.schema, TableName: t.table })),
        ReloadOption: 'data-reload',
      }),
    ),
  );
}
