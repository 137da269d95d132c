// `:instances`: the replication instances with class, status, engine version, storage and the
// tasks on each, refreshed while visible. Read-only.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import { Table } from '../components/Table.js';
import { useBindings } from '../ui/bindings.js';
import { command } from '../ui/commands.js';
import { useBodySize } from '../ui/layout.js';
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
  const rows = data?.instances ?? [];
  const listHeight = Math.max(1, height - 2);
  const list = useListCursor({ name: 'instances', count: rows.length, height: listHeight });
  useBindings([...list.bindings, command('instances.refresh', resources.refresh)]);

  return (
    <Box flexDirection="column">
      <Text dimColor>
        {data
          ? `${rows.length} replication instance${rows.length === 1 ? '' : 's'} · ${data.tasks.length} task${data.tasks.length === 1 ? '' : 's'}`
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
          empty="No replication instances in this account and region"
        />
      )}
    </Box>
  );
}
