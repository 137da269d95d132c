// Profiles: pick the AWS profile (or the default chain, or the local sandbox) and region the
// app works with; `t` tests it with DescribeAccountAttributes. The choice is saved in the open
// project (through the project store), or remembered as the preference without one.
import { Box } from 'ink';
import { Text } from '../components/Text.js';
import SelectInput from 'ink-select-input';
import { useState } from 'react';
import { useBindings } from '../ui/bindings.js';
import { keysFor } from '../ui/keyHint.js';
import { useBodySize } from '../ui/layout.js';
import { useServices } from '../ui/services.js';
import { useStatus } from '../ui/status.js';
import type { AwsTarget } from '../model/awsTarget.js';
import { useListCursor } from '../hooks/useListCursor.js';
import { useProjectStore } from '../hooks/useProjectStore.js';
import { useProfiles, useTargetTest } from '../hooks/useProfiles.js';
import { visibleRange } from '../model/listCursor.js';
import { profileRows, type ProfileRow } from '../model/profileRows.js';
import { DMS_REGIONS } from '../model/regions.js';

export function ProfilesScreen() {
  const services = useServices();
  const { setError, setNotice } = useStatus();
  const { height } = useBodySize();
  const { profiles, loading, error } = useProfiles();
  // The sandbox's us-east-1 is not a region anyone chose: a profile keeps its own.
  const [region, setRegion] = useState<string | undefined>(
    services.target.sandbox
      ? undefined
      : (services.target.region ?? services.preferences.get().lastRegion),
  );
  const [pickingRegion, setPickingRegion] = useState(false);
  const [testResult, runTest] = useTargetTest();
  const store = useProjectStore();

  const rows = profileRows({
    profiles,
    sandboxAvailable: Boolean(services.startSandbox || services.sandbox),
  });
  const listHeight = Math.max(1, height - 6);
  const list = useListCursor({ name: 'profiles', count: rows.length, height: listHeight });
  const focused = rows[list.cursor.index];

  const targetFor = async (row: ProfileRow): Promise<AwsTarget> => {
    if (row.kind === 'sandbox') {
      const sandbox = services.sandbox ?? (await services.startSandbox!());
      return { sandbox: true, endpointUrl: sandbox.endpointUrl, region: 'us-east-1' };
    }
    return {
      profile: row.profile,
      region: region ?? row.region,
      endpointUrl: services.target.sandbox ? undefined : services.target.endpointUrl,
    };
  };

  const use = (row: ProfileRow, chosenRegion = region) => {
    const choice =
      row.kind === 'sandbox'
        ? { profile: 'sandbox' }
        : { profile: row.profile ?? '', region: chosenRegion ?? row.region };
    store.chooseTarget(choice).then(
      (target) => {
        setError(null);
        const where = `${row.label}${target.region && !target.sandbox ? ` in ${target.region}` : ''}`;
        setNotice(store.current ? `Project ${store.current} now uses ${where}` : `Using ${where}`);
      },
      (e: Error) => setError(`Cannot use ${row.label}: ${e.message}`),
    );
  };

  useBindings(
    pickingRegion
      ? [{ command: 'dialog.cancel', handler: () => setPickingRegion(false) }]
      : [
          ...list.bindings,
          {
            command: 'profiles.select',
            handler: () => focused && use(focused),
            disabledReason: focused ? null : 'No profile here',
          },
          {
            command: 'profiles.region',
            handler: () => setPickingRegion(true),
            disabledReason:
              focused?.kind === 'sandbox' ? 'The sandbox always answers as us-east-1' : null,
          },
          {
            command: 'profiles.test',
            handler: () =>
              focused && targetFor(focused).then(runTest, (e: Error) => setError(e.message)),
            disabledReason: focused ? null : 'No profile here',
          },
        ],
    { kind: pickingRegion ? 'dialog' : 'screen' },
  );

  if (pickingRegion) {
    const items = DMS_REGIONS.map((r) => ({
      key: r.code,
      label: `${r.code.padEnd(16)} ${r.name}`,
      value: r.code,
    }));
    const initialIndex = Math.max(
      0,
      items.findIndex((i) => i.value === region),
    );
    return (
      <Box flexDirection="column">
        <Text bold>
          Region for DMS calls ({keysFor('prompt.accept')} picks, {keysFor('dialog.cancel')}{' '}
          cancels)
        </Text>
        <SelectInput
          items={items}
          initialIndex={initialIndex}
          limit={Math.max(3, height - 2)}
          onSelect={(item) => {
            setRegion(item.value);
            setPickingRegion(false);
            // The region goes with the focused profile, at once (and into the open project).
            if (focused) use(focused, item.value);
          }}
        />
      </Box>
    );
  }

  const { start, end } = visibleRange(list.cursor, rows.length, listHeight);
  const current = services.target.sandbox ? 'sandbox' : (services.target.profile ?? '');
  return (
    <Box flexDirection="column">
      <Text bold>
        {'   '}
        {'PROFILE'.padEnd(28)} {'REGION'.padEnd(16)} KIND
      </Text>
      {loading ? <Text dimColor>Reading ~/.aws/config and ~/.aws/credentials…</Text> : null}
      {error ? <Text color="red">{error}</Text> : null}
      {rows.slice(start, end).map((row, i) => {
        const index = start + i;
        const selected = index === list.cursor.index;
        const inUse = (row.kind === 'sandbox' ? 'sandbox' : (row.profile ?? '')) === current;
        return (
          <Text key={row.key} inverse={selected}>
            {selected ? '▸' : ' '}
            {inUse ? '●' : ' '} {row.label.padEnd(28).slice(0, 28)}{' '}
            {(row.kind === 'sandbox' ? 'us-east-1' : (region ?? row.region ?? '—')).padEnd(16)}{' '}
            {row.detail}
          </Text>
        );
      })}
      <Box marginTop={1} flexDirection="column">
        <Text>
          Region: <Text color="cyan">{region ?? 'not set (from the profile or AWS_REGION)'}</Text>
        </Text>
        {testResult ? (
          <Text
            color={
              testResult.state === 'ok' ? 'green' : testResult.state === 'failed' ? 'red' : 'yellow'
            }
          >
            {testResult.state === 'testing'
              ? 'Testing: DescribeAccountAttributes…'
              : testResult.state === 'ok'
                ? `✓ ${testResult.summary}`
                : `✗ ${testResult.message}`}
          </Text>
        ) : null}
      </Box>
    </Box>
  );
}
