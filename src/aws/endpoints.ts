// DescribeEndpoints, CreateEndpoint, TestConnection and DescribeConnections for the form.
import type { Connection, Endpoint } from '@aws-sdk/client-database-migration-service';
import type { CreateEndpointInput } from '../model/endpointDraft.js';
import type { ConnectionState } from '../model/endpointTest.js';
import type { EndpointSummary } from '../model/taskFormState.js';
import type { AwsClients } from './clients.js';
import { errorName } from './errors.js';
import { loadDms } from './sdk.js';

export function toEndpointSummary(e: Endpoint): EndpointSummary {
  return {
    identifier: e.EndpointIdentifier ?? '',
    arn: e.EndpointArn ?? '',
    type: (e.EndpointType ?? '').toLowerCase() === 'target' ? 'target' : 'source',
    engineName: e.EngineName ?? '',
    server: e.ServerName,
    port: e.Port,
    database: e.DatabaseName,
    status: e.Status,
  };
}

export async function listEndpoints(clients: AwsClients): Promise<EndpointSummary[]> {
  const { DescribeEndpointsCommand } = await loadDms();
  const client = await clients.dms();
  const all: EndpointSummary[] = [];
  let marker: string | undefined;
  try {
    do {
      const out = await client.send(
        new DescribeEndpointsCommand({ MaxRecords: 100, Marker: marker }),
      );
      all.push(...(out.Endpoints ?? []).map(toEndpointSummary));
      marker = out.Marker || undefined;
    } while (marker);
  } catch (error) {
    // DMS answers "No Endpoints found matching provided filters" when there are none.
    if (errorName(error) !== 'ResourceNotFoundFault') throw error;
  }
  return all;
}

export async function createEndpoint(
  clients: AwsClients,
  input: CreateEndpointInput,
): Promise<EndpointSummary> {
  const { CreateEndpointCommand } = await loadDms();
  const client = await clients.dms();
  const out = await client.send(new CreateEndpointCommand({ ...input }));
  if (!out.Endpoint) throw new Error('CreateEndpoint returned no endpoint');
  return toEndpointSummary(out.Endpoint);
}

export type { ConnectionState, ConnectionStatus } from '../model/endpointTest.js';

function toState(c: Connection | undefined): ConnectionState {
  return { status: c?.Status ?? 'testing', message: c?.LastFailureMessage };
}

export async function startConnectionTest(
  clients: AwsClients,
  options: { instanceArn: string; endpointArn: string },
): Promise<ConnectionState> {
  const { TestConnectionCommand } = await loadDms();
  const client = await clients.dms();
  const out = await client.send(
    new TestConnectionCommand({
      ReplicationInstanceArn: options.instanceArn,
      EndpointArn: options.endpointArn,
    }),
  );
  return toState(out.Connection);
}

export async function describeConnection(
  clients: AwsClients,
  options: { instanceArn: string; endpointArn: string },
): Promise<ConnectionState> {
  const { DescribeConnectionsCommand } = await loadDms();
  const client = await clients.dms();
  const out = await client.send(
    new DescribeConnectionsCommand({
      Filters: [
        { Name: 'endpoint-arn', Values: [options.endpointArn] },
        { Name: 'replication-instance-arn', Values: [options.instanceArn] },
      ],
    }),
  );
  return toState(out.Connections?.[0]);
}
