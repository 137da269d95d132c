// Replication instances: one ready instance named "sandbox" per region, made on first use;
// DescribeReplicationInstances and DescribeAccountAttributes.
import { dmsArn, stableResourceId } from './arn.js';
import type { Call, Handler, Input } from './context.js';
import { applyFilters, page, seconds } from './paging.js';
import { notFound } from './protocol/errors.js';
import { INSTANCE_ID, type InstanceRecord, regionOf } from './state.js';

export function ensureInstance(call: Call): InstanceRecord {
  const { store } = call.sandbox;
  let instance = store.state.instances.find((i) => regionOf(i.arn) === call.region);
  if (!instance) {
    instance = {
      arn: dmsArn(call.region, 'rep', stableResourceId(`${INSTANCE_ID}:${call.region}`)),
      identifier: INSTANCE_ID,
      createdMs: Date.now(),
    };
    store.state.instances.push(instance);
    store.changed();
  }
  return instance;
}

export function findInstance(call: Call, arn: string): InstanceRecord {
  ensureInstance(call);
  const instance = call.sandbox.store.state.instances.find((i) => i.arn === arn);
  if (!instance) throw notFound(`Replication Instance ${arn} not found`);
  return instance;
}

export function renderInstance(i: InstanceRecord, region: string) {
  return {
    ReplicationInstanceIdentifier: i.identifier,
    ReplicationInstanceClass: 'dms.t3.medium',
    ReplicationInstanceStatus: 'available',
    AllocatedStorage: 50,
    InstanceCreateTime: seconds(i.createdMs),
    VpcSecurityGroups: [],
    AvailabilityZone: `${region}a`,
    PreferredMaintenanceWindow: 'sun:06:00-sun:06:30',
    PendingModifiedValues: {},
    MultiAZ: false,
    EngineVersion: '3.5.3',
    AutoMinorVersionUpgrade: true,
    ReplicationInstanceArn: i.arn,
    ReplicationInstancePrivateIpAddress: '127.0.0.1',
    ReplicationInstancePrivateIpAddresses: ['127.0.0.1'],
    PubliclyAccessible: false,
    NetworkType: 'IPV4',
  };
}

const describeReplicationInstances: Handler = (call, input: Input) => {
  ensureInstance(call);
  const all = call.sandbox.store.state.instances.filter((i) => regionOf(i.arn) === call.region);
  const matched = applyFilters(all, input.Filters, {
    'replication-instance-arn': (i) => [i.arn],
    'replication-instance-id': (i) => [i.identifier],
    'replication-instance-class': () => ['dms.t3.medium'],
    'engine-version': () => ['3.5.3'],
  });
  const { items, Marker } = page(matched, input);
  if (matched.length === 0) throw notFound('No replication instances found matching filters');
  return { Marker, ReplicationInstances: items.map((i) => renderInstance(i, call.region)) };
};

const describeAccountAttributes: Handler = (call) => {
  const { state } = call.sandbox.store;
  const inRegion = <T extends { arn: string }>(xs: T[]) =>
    xs.filter((x) => regionOf(x.arn) === call.region).length;
  ensureInstance(call);
  return {
    AccountQuotas: [
      { AccountQuotaName: 'ReplicationInstances', Used: inRegion(state.instances), Max: 60 },
      { AccountQuotaName: 'AllocatedStorage', Used: 50 * inRegion(state.instances), Max: 30000 },
      { AccountQuotaName: 'Endpoints', Used: inRegion(state.endpoints), Max: 1000 },
      { AccountQuotaName: 'ReplicationTasks', Used: inRegion(state.tasks), Max: 600 },
      { AccountQuotaName: 'Certificates', Used: 0, Max: 100 },
      { AccountQuotaName: 'ReplicationSubnetGroups', Used: 1, Max: 60 },
      { AccountQuotaName: 'SubnetsPerReplicationSubnetGroup', Used: 0, Max: 60 },
      { AccountQuotaName: 'EventSubscriptions', Used: 0, Max: 60 },
    ],
    UniqueAccountIdentifier: 'sandbox',
  };
};

export const instanceHandlers: Record<string, Handler> = {
  DescribeReplicationInstances: describeReplicationInstances,
  DescribeAccountAttributes: describeAccountAttributes,
};
