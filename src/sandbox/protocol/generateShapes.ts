// Regenerates shapes.json, the slice of the botocore service models the sandbox validates
// requests against (required members, member types and length/range limits of the input
// shapes of the operations it serves). Run: npx tsx src/sandbox/protocol/generateShapes.ts
// (needs Debian's awscli package for the model files; the output is committed).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = '/usr/lib/python3/dist-packages/awscli/botocore/data';

const OPERATIONS = {
  dms: [
    'DescribeAccountAttributes',
    'DescribeReplicationInstances',
    'DescribeEndpoints',
    'CreateEndpoint',
    'ModifyEndpoint',
    'DeleteEndpoint',
    'TestConnection',
    'DescribeConnections',
    'CreateReplicationTask',
    'DescribeReplicationTasks',
    'StartReplicationTask',
    'StopReplicationTask',
    'ModifyReplicationTask',
    'DeleteReplicationTask',
    'DescribeTableStatistics',
    'ReloadTables',
    'AddTagsToResource',
    'RemoveTagsFromResource',
    'ListTagsForResource',
  ],
  logs: ['DescribeLogGroups', 'DescribeLogStreams', 'GetLogEvents', 'FilterLogEvents'],
  cloudwatch: ['GetMetricData', 'ListMetrics'],
};

interface BotoShape {
  type: string;
  required?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  min?: number;
  max?: number;
}

function slice(file: string, ops: string[]) {
  const model = JSON.parse(readFileSync(file, 'utf8')) as {
    operations: Record<string, { input?: { shape: string } }>;
    shapes: Record<string, BotoShape>;
  };
  const shapes: Record<string, unknown> = {};
  const operations: Record<string, string | null> = {};
  const visit = (name: string) => {
    if (name in shapes) return;
    const s = model.shapes[name]!;
    const out: Record<string, unknown> = { t: s.type };
    if (s.required?.length) out.r = s.required;
    if (s.min !== undefined) out.min = s.min;
    if (s.max !== undefined) out.max = s.max;
    shapes[name] = out;
    if (s.members) {
      out.m = Object.fromEntries(Object.entries(s.members).map(([k, v]) => [k, v.shape]));
      for (const v of Object.values(s.members)) visit(v.shape);
    }
    if (s.member) {
      out.e = s.member.shape;
      visit(s.member.shape);
    }
    if (s.value) {
      out.v = s.value.shape;
      visit(s.value.shape);
    }
  };
  for (const op of ops) {
    const input = model.operations[op]?.input?.shape ?? null;
    operations[op] = input;
    if (input) visit(input);
  }
  return { operations, shapes };
}

const out = {
  dms: slice(`${ROOT}/dms/2016-01-01/service-2.json`, OPERATIONS.dms),
  logs: slice(`${ROOT}/logs/2014-03-28/service-2.json`, OPERATIONS.logs),
  cloudwatch: slice(`${ROOT}/cloudwatch/2010-08-01/service-2.json`, OPERATIONS.cloudwatch),
};
writeFileSync(
  fileURLToPath(new URL('./shapes.json', import.meta.url)),
  `${JSON.stringify(out, null, 0)}\n`,
);
