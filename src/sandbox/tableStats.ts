// DescribeTableStatistics: per-table figures from the work the engine reported.
import type { Handler, Input } from './context.js';
import { applyFilters, page, seconds } from './paging.js';
import type { TableStatRecord } from './state.js';
import { findTask } from './tasks.js';

function render(t: TableStatRecord) {
  return {
    SchemaName: t.schema,
    TableName: t.table,
    Inserts: 0,
    Deletes: 0,
    Updates: 0,
    Ddls: 0,
    AppliedInserts: 0,
    AppliedDeletes: 0,
    AppliedUpdates: 0,
    AppliedDdls: 0,
    FullLoadRows: t.fullLoadRows,
    FullLoadCondtnlChkFailedRows: 0,
    FullLoadErrorRows: t.errorRows,
    FullLoadStartTime: seconds(t.startMs),
    FullLoadEndTime: seconds(t.endMs),
    FullLoadReloaded: t.reloaded,
    LastUpdateTime: seconds(t.lastUpdateMs),
    TableState: t.state,
    ValidationPendingRecords: 0,
    ValidationFailedRecords: 0,
    ValidationSuspendedRecords: 0,
    ValidationState: 'Not enabled',
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
