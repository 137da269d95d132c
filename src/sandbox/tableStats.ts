// DescribeTableStatistics: per-table figures from the work the engine reported.
import type { Handler, Input } from './context.js';
import { applyFilters, page, seconds } from './paging.js';
import type { TableStatRecord } from './state.js';
import { findTask } from './tasks.js';

function render(t: TableStatRecord) {
  return {
    SchemaName: t.schema,
    TableName: t.table,
    Inserts: t.cdc?.inserts ?? 0,
    Deletes: t.cdc?.deletes ?? 0,
    Updates: t.cdc?.updates ?? 0,
    Ddls: t.cdc?.ddls ?? 0,
    AppliedInserts: t.cdc?.appliedInserts ?? 0,
    AppliedDeletes: t.cdc?.appliedDeletes ?? 0,
    AppliedUpdates: t.cdc?.appliedUpdates ?? 0,
    AppliedDdls: t.cdc?.appliedDdls ?? 0,
    FullLoadRows: t.fullLoadRows,
    FullLoadCondtnlChkFailedRows: 0,
    FullLoadErrorRows: t.errorRows,
    FullLoadStartTime: seconds(t.startMs),
    FullLoadEndTime: seconds(t.endMs),
    FullLoadReloaded: t.reloaded,
    LastUpdateTime: seconds(t.lastUpdateMs),
    TableState: t.state,
    ValidationPendingRecords: t.validation?.pending ?? 0,
    ValidationFailedRecords: t.validation?.failed ?? 0,
    ValidationSuspendedRecords: t.validation?.suspended ?? 0,
    ValidationState: t.validation?.state ?? 'Not enabled',
    ...(t.validation?.details ? { ValidationStateDetails: t.validation.details } : {}),
  };
}

const describeTableStatistics: Handler = (call, input: Input) => {
  const task = findTask(call, input.ReplicationTaskArn);
  const matched = applyFilters(task.tables, input.Filters, {
    'schema-name': (t) => [t.schema],
    'table-name': (t) => [t.table],
    'table-state': (t) => [t.state],
  });
  const { items, Marker } = page(matched, input, 500);
  return { ReplicationTaskArn: task.arn, TableStatistics: items.map(render), Marker };
};

export const tableStatsHandlers: Record<string, Handler> = {
  DescribeTableStatistics: describeTableStatistics,
};
