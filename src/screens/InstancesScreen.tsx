// `:instances`: the replication instances with class, status, engine version, storage and the
// tasks on each, refreshed while visible. Read-only.
import { Box } from 'ink';
import { useCallback } from 'react';
import { FilterPrompt } from '../components/FilterPrompt.js';
import { Text } from '../components/Text.js';
import { Table } from '../components/Table.js';
import { useBindings } from '../ui/bindings.js';
import { command } from '../ui/commands.js';
import { useBodySize } from '../ui/layout.js';
import { useColumnFilter } from '../hooks/useColumnFilter.js';
import { useDmsResources } from '../hooks/useDmsResources.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { useRefreshStatus } from '../hooks/useRefreshStatus.js';
import type { ReplicationInstance } from '../model/instance.js';
import { INSTANCE_COLUMNS, type InstanceColumn, instanceCells } from '../model/resourceRows.js';

export function InstancesScreen() {
  const { width, height } = useBodySize();
  const resources = useDmsResources();
  useRefreshStatus(resources);
  const data = resources.data;
  const all = data?.instances ?? [];
  const cells = useCallback(
    (i: ReplicationInstance) => instanceCells(i, data?.tasks ?? []),
    [data],
  );
  const shown = useColumnFilter({
    columns: INSTANCE_COLUMNS,
    width,
    rows: all,
    cells,
    onChange: () => list.focus(0),
  });
  const { filter, rows } = shown;
  const listHeight = Math.max(1, height - 2 - (filter.prompting ? 1 : 0));
  const list = useListCursor({ name: 'instances', count: rows.length, height: listHeight });
  useBindings(
    [...list.bindings, ...filter.bindings, command('instances.refresh', resources.refresh)],
    { active: !filter.prompting },
  );

  return (
    <Box flexDirection="column">
      <Text dimColor>
        {data
          ? `${all.length} replication instance${all.length === 1 ? '' : 's'} · ${data.tasks.length} task${data.tasks.length === 1 ? '' : 's'}${shown.summary ? ` · ${rows.length} shown · ${shown.summary}` : ''}`
          : ' '}
      </Text>
      {data === undefined ? (
        <Text color={resources.error ? 'red' : undefined}>
          {resources.error ?? 'Loading replication instances…'}
        </Text>
      ) : (
        <Table<ReplicationInstance, InstanceColumn>
          columns={INSTANCE_COLUMNS}
          rows={rows}
          rowKey={(i) => i.arn}
          cells={(i) => instanceCells(i, data.tasks)}
          tone={(i) => (i.status === 'available' ? 'good' : 'warn')}
          cursor={list.cursor}
          height={listHeight}
          width={width}
          empty={
            all.length === 0
              ? 'No replication instances in this account and region'
              : 'No replication instance matches the filter'
          }
        />
      )}
      {filter.prompting ? <FilterPrompt {...filter.prompt} /> : null}
    </Box>
  );
}
