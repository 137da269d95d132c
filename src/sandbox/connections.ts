// TestConnection and DescribeConnections: the test really connects with the endpoint's
// settings (src/db/connection.ts) and reports the driver's error on failure.
import { testConnection } from '../db/connection.js';
import type { Call, Handler, Input } from './context.js';
import { endpointSpec } from './endpointSpec.js';
import { findEndpoint } from './endpoints.js';
import { findInstance } from './instances.js';
import { testS3Endpoint } from './s3Source.js';
import { applyFilters, page } from './paging.js';
import { invalidState } from './protocol/errors.js';
import { type ConnectionRecord, regionOf } from './state.js';

function render(call: Call, c: ConnectionRecord) {
  const { state } = call.sandbox.store;
  return {
    ReplicationInstanceArn: c.instanceArn,
    EndpointArn: c.endpointArn,
    Status: c.status,
    LastFailureMessage: c.lastFailureMessage,
    EndpointIdentifier: state.endpoints.find((e) => e.arn === c.endpointArn)?.identifier,
    ReplicationInstanceIdentifier: state.instances.find((i) => i.arn === c.instanceArn)?.identifier,
  };
}

export function failureDetails(message: string): string {
  return `Error Details: [errType=ERROR_RESPONSE, status=1022305, errMessage=${message}, errDetails=]`;
}

const testConnectionHandler: Handler = (call, input: Input) => {
  const instance = findInstance(call, input.ReplicationInstanceArn);
  const endpoint = findEndpoint(call, input.EndpointArn);
  if (endpoint.status !== 'active') throw invalidState(`Endpoint ${endpoint.arn} is not active`);
  const { store } = call.sandbox;
  let record = store.state.connections.find(
    (c) => c.endpointArn === endpoint.arn && c.instanceArn === instance.arn,
  );
  if (record?.status === 'testing')
    throw invalidState('A test of this connection is already in progress.');
  if (!record) {
    record = { endpointArn: endpoint.arn, instanceArn: instance.arn, status: 'testing' };
    store.state.connections.push(record);
  }
  const current = record;
  current.status = 'testing';
  delete current.lastFailureMessage;
  store.changed();
  const spec = endpointSpec(endpoint);
  const response = { Connection: render(call, current) };
  const work = (async () => {
    await Promise.resolve();
    try {
      if (endpoint.engineName === 's3') testS3Endpoint(endpoint, call.sandbox.s3Dir);
      else if (!spec)
        throw new Error(
          `The dms-tui sandbox cannot connect to ${endpoint.engineName} endpoints; it speaks PostgreSQL, MySQL/MariaDB and its own S3 only`,
        );
      else await testConnection(spec, { timeoutMs: 15_000, applicationName: 'dms-tui-sandbox' });
      current.status = 'successful';
    } catch (error) {
      current.status = 'failed';
      current.lastFailureMessage = failureDetails((error as Error).message);
    }
    store.changed();
  })();
  call.sandbox.track(work);
  return response;
};

const describeConnections: Handler = (call, input: Input) => {
  const all = call.sandbox.store.state.connections.filter(
    (c) => regionOf(c.endpointArn) === call.region,
  );
  const matched = applyFilters(all, input.Filters, {
    'endpoint-arn': (c) => [c.endpointArn],
    'replication-instance-arn': (c) => [c.instanceArn],
  });
  const { items, Marker } = page(matched, input);
  return { Marker, Connections: items.map((c) => render(call, c)) };
};

export const connectionHandlers: Record<string, Handler> = {
  TestConnection: testConnectionHandler,
  DescribeConnections: describeConnections,
};
