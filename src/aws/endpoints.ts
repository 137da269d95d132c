// DMS endpoints: DescribeEndpoints (all pages) and CreateEndpoint into the one Endpoint type
// (src/model/endpoint.ts), and TestConnection / DescribeConnections for the task form. Fails
// with an AwsError (call.ts).
import type {
  Connection,
  Endpoint as SdkEndpoint,
} from '@aws-sdk/client-database-migration-service';
import type { Endpoint } from '../model/endpoint.js';
import type { CreateEndpointInput } from '../model/endpointDraft.js';
import type { ConnectionState } from '../model/endpointTest.js';
import type { EndpointConnection } from '../model/resourceRows.js';
import { AwsError, dmsCall } from './call.js';
import type { AwsClients } from './clients.js';

export function toEndpoint(e: SdkEndpoint): Endpoint {
  return {
    identifier: e.EndpointIdentifier ?? '',
    arn: e.EndpointArn ?? '',
    type: (e.EndpointType ?? '').toLowerCase() === 'target' ? 'target' : 'source',
    engineName: e.EngineName ?? '',
    server: e.ServerName,
    port: e.Port,
    database: e.DatabaseName,
    status: e.Status,
    user: e.Username,
    sslMode: e.SslMode,
  };
}

/** Every endpoint, all pages. DMS's "No Endpoints found" (ResourceNotFoundFault) is []. */
export async function listEndpoints(clients: AwsClients): Promise<Endpoint[]> {
  const all: Endpoint[] = [];
  try {
    await dmsCall(clients, 'DescribeEndpoints', async (client, { paginateDescribeEndpoints }) => {
      for await (const page of paginateDescribeEndpoints({ client, pageSize: 100 }, {}))
        for (const e of page.Endpoints ?? []) all.push(toEndpoint(e));
    });
  } catch (error) {
    if (!(error instanceof AwsError && error.code === 'ResourceNotFoundFault' && all.length === 0))
      throw error;
  }
  return all;
}

export async function createEndpoint(
  clients: AwsClients,
  input: CreateEndpointInput,
): Promise<Endpoint> {
  const out = await dmsCall(clients, 'CreateEndpoint', (client, { CreateEndpointCommand }) =>
    client.send(new CreateEndpointCommand({ ...input })),
  );
  if (!out.Endpoint)
    throw new AwsError(
      'CreateEndpoint returned no endpoint: refresh the list to see if it exists',
      {
        code: 'EmptyResponse',
      },
    );
  return toEndpoint(out.Endpoint);
}

/** ModifyEndpoint: only the fields given change; a password is sent only when typed. */
export async function modifyEndpoint(
  clients: AwsClients,
  arn: string,
  input: Partial<CreateEndpointInput>,
): Promise<Endpoint> {
  const out = await dmsCall(clients, 'ModifyEndpoint', (client, { ModifyEndpointCommand }) =>
    client.send(new ModifyEndpointCommand({ ...input, EndpointArn: arn })),
  );
  return toEndpoint(out.Endpoint ?? {});
}

/** DeleteEndpoint. DMS refuses (InvalidResourceStateFault) while a task uses the endpoint. */
export async function deleteEndpoint(clients: AwsClients, arn: string): Promise<Endpoint> {
  const out = await dmsCall(clients, 'DeleteEndpoint', (client, { DeleteEndpointCommand }) =>
    client.send(new DeleteEndpointCommand({ EndpointArn: arn })),
  );
  return toEndpoint(out.Endpoint ?? {});
}

/** Every connection test DMS remembers (DescribeConnections, all pages). */
export async function listConnections(clients: AwsClients): Promise<EndpointConnection[]> {
  return dmsCall(clients, 'DescribeConnections', async (client, { DescribeConnectionsCommand }) => {
    const all: EndpointConnection[] = [];
    let marker: string | undefined;
    do {
      const out = await client.send(new DescribeConnectionsCommand({ Marker: marker }));
      for (const c of out.Connections ?? [])
        all.push({
          ...toState(c),
          endpointArn: c.EndpointArn ?? '',
          instanceArn: c.ReplicationInstanceArn ?? '',
          instanceId: c.ReplicationInstanceIdentifier,
        });
      marker = out.Marker;
    } while (marker);
    return all;
  });
}

export type { ConnectionState, ConnectionStatus } from '../model/endpointTest.js';

function toState(c: Connection | undefined): ConnectionState {
  return { status: c?.Status ?? 'testing', message: c?.LastFailureMessage };
}

export async function startConnectionTest(
  clients: AwsClients,
  options: { instanceArn: string; endpointArn: string },
): Promise<ConnectionState> {
  const out = await dmsCall(clients, 'TestConnection', (client, { TestConnectionCommand }) =>
    client.send(
      new TestConnectionCommand({
        ReplicationInstanceArn: options.instanceArn,
        EndpointArn: options.endpointArn,
      }),
    ),
  );
  return toState(out.Connection);
}

export async function describeConnection(
  clients: AwsClients,
  options: { instanceArn: string; endpointArn: string },
): Promise<ConnectionState> {
  const out = await dmsCall(
    clients,
    'DescribeConnections',
    (client, { DescribeConnectionsCommand }) =>
      client.send(
        new DescribeConnectionsCommand({
          Filters: [
            { Name: 'endpoint-arn', Values: [options.endpointArn] },
            { Name: 'replication-instance-arn', Values: [options.instanceArn] },
          ],
        }),
      ),
  );
  return toState(out.Connections?.[0]);
}
