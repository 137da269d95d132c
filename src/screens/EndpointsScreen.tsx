// `:endpoints`: every DMS endpoint with engine, server, database, how its last connection test
// went and the tasks that use it; `t` tests it from a chosen replication instance, `e` modifies
// it through the task form's endpoint form (ModifyEndpoint), Ctrl-d deletes it after asking
// (naming the tasks that use it: DMS refuses then, and says so).
import { Box } from 'ink';
import { useCallback, useState } from 'react';
import { ChoiceDialog } from '../components/ChoiceDialog.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { FilterPrompt } from '../components/FilterPrompt.js';
import { Table } from '../components/Table.js';
import { Text } from '../components/Text.js';
import { useBindings } from '../ui/bindings.js';
import { command, withItem } from '../ui/commands.js';
import { useBodySize } from '../ui/layout.js';
import { useStatus } from '../ui/status.js';
import { useColumnFilter } from '../hooks/useColumnFilter.js';
import { useDmsResources } from '../hooks/useDmsResources.js';
import { useEndpointActions } from '../hooks/useEndpointActions.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { useRefreshStatus } from '../hooks/useRefreshStatus.js';
import type { Endpoint } from '../model/endpoint.js';
import { endpointDraftFromEndpoint } from '../model/endpointDraft.js';
import type { ReplicationInstance } from '../model/instance.js';
import {
  deleteEndpointQuestion,
  ENDPOINT_COLUMNS,
  type EndpointColumn,
  endpointCells,
  lastTest,
} from '../model/resourceRows.js';
import { EndpointForm } from './TaskForm/EndpointForm.js';

type Dialog = 'none' | 'test' | 'delete' | 'modify';

export function EndpointsScreen() {
  const { width, height } = useBodySize();
  const resources = useDmsResources();
  useRefreshStatus(resources);
  const { setNotice } = useStatus();
  const actions = useEndpointActions(resources.refresh);
  const [dialog, setDialog] = useState<Dialog>('none');
  const data = resources.data;
  const all = data?.endpoints ?? [];
  const cells = useCallback(
    (e: Endpoint) => endpointCells(e, data?.tasks ?? [], data?.connections ?? []),
    [data],
  );
  const shown = useColumnFilter({
    columns: ENDPOINT_COLUMNS,
    width,
    rows: all,
    cells,
    onChange: () => list.focus(0),
  });
  const { filter, rows } = shown;
  const listHeight = Math.max(
    1,
    height - 4 - (dialog === 'none' ? 0 : 6) - (filter.prompting ? 1 : 0),
  );
  const list = useListCursor({ name: 'endpoints', count: rows.length, height: listHeight });
  const focused = rows[list.cursor.index];
  const instances = data?.instances ?? [];
  const onEndpoint = withItem(focused, 'No endpoint here');
  const busy = actions.busy ? 'Still working on the last request' : null;

  useBindings(
    [
      ...list.bindings,
      ...filter.bindings,
      command('endpoints.refresh', resources.refresh),
      onEndpoint(
        'endpoints.test',
        () => setDialog('test'),
        instances.length === 0 && 'No replication instance to test from',
        busy,
      ),
      onEndpoint('endpoints.modify', () => setDialog('modify'), busy),
      onEndpoint('endpoints.delete', () => setDialog('delete'), busy),
    ],
    { active: dialog === 'none' && !filter.prompting },
  );

  if (dialog === 'modify' && focused) {
    return (
      <EndpointForm
        initial={endpointDraftFromEndpoint(focused)}
        modifying={focused}
        instanceReason={null}
        height={height}
        width={width}
        onCreated={(endpoint) => {
          setDialog('none');
          setNotice(`Saved endpoint ${endpoint.identifier} (ModifyEndpoint): test it again with t`);
          resources.refresh();
        }}
        onClose={() => setDialog('none')}
      />
    );
  }

  const test = focused && data ? lastTest(focused.arn, data.connections) : undefined;
  return (
    <Box flexDirection="column">
      <Text dimColor>
        {data
          ? `${all.length} endpoint${all.length === 1 ? '' : 's'}${shown.summary ? ` · ${rows.length} shown · ${shown.summary}` : ''}`
          : ' '}
      </Text>
      {data === undefined ? (
        <Text color={resources.error ? 'red' : undefined}>
          {resources.error ?? 'Loading endpoints…'}
        </Text>
      ) : (
        <Table<Endpoint, EndpointColumn>
          columns={ENDPOINT_COLUMNS}
          rows={rows}
          rowKey={(e) => e.arn}
          cells={(e) => endpointCells(e, data.tasks, data.connections)}
          tone={(e) => {
            const status = lastTest(e.arn, data.connections)?.status;
            return status === 'failed' ? 'bad' : status === 'successful' ? 'good' : 'idle';
          }}
          cursor={list.cursor}
          height={listHeight}
          width={width}
          empty={
            all.length === 0
              ? 'No endpoints in this account and region'
              : 'No endpoint matches the filter'
          }
        />
      )}
      {filter.prompting ? <FilterPrompt {...filter.prompt} /> : null}
      {test?.status === 'failed' ? (
        <Text color="red" wrap="truncate-end">
          Last test of {focused?.identifier} failed: {test.message ?? 'no message from DMS'}
        </Text>
      ) : null}
      {actions.refusal ? <Text color="red">✗ {actions.refusal}</Text> : null}
      {dialog === 'test' && focused ? (
        <ChoiceDialog<ReplicationInstance>
          title={`Test ${focused.identifier} from which replication instance?`}
          choices={instances.map((i) => ({
            value: i,
            label: `${i.identifier} · ${i.instanceClass} · ${i.status}`,
          }))}
          onChoose={(instance) => {
            setDialog('none');
            actions.test(focused, instance);
          }}
          onCancel={() => setDialog('none')}
        />
      ) : null}
      {dialog === 'delete' && focused && data ? (
        <ConfirmDialog
          danger
          title={`Delete endpoint ${focused.identifier}?`}
          message={deleteEndpointQuestion(focused, data.tasks)}
          onConfirm={() => {
            setDialog('none');
            actions.remove(focused);
          }}
          onCancel={() => setDialog('none')}
        />
      ) : null}
    </Box>
  );
}
