// The DMS side of an agent task: an S3 *source* endpoint (EngineName "s3") reading the objects
// the agent wrote, by the ExternalTableDefinition, with the agent's null marker; and removing
// it again. Fails with an AwsError (call.ts).
import type { Endpoint } from '../model/endpoint.js';
import { dmsCall } from './call.js';
import type { AwsClients } from './clients.js';
import { toEndpoint } from './endpoints.js';

export interface S3SourceEndpointInput {
  identifier: string;
  bucket: string;
  /** BucketFolder: the tables are under <folder>/<schema>/<table>/. */
  folder: string;
  externalTableDefinition: string;
  nullMarker: string;
  /** How the objects are written: CSV (plain or gzip) or Parquet. */
  dataFormat: 'csv' | 'parquet';
  /** The role DMS assumes to read the bucket (required on AWS). */
  roleArn: string;
  /** The agent task's name, kept as a tag so the endpoint is known as the agent's. */
  agentTask: string;
}

export const AGENT_TAG = 'dms-tui:agent-task';

export async function createS3SourceEndpoint(
  clients: AwsClients,
  input: S3SourceEndpointInput,
): Promise<Endpoint> {
  const out = await dmsCall(clients, 'CreateEndpoint', (client, { CreateEndpointCommand }) =>
    client.send(
      new CreateEndpointCommand({
        EndpointIdentifier: input.identifier,
        EndpointType: 'source',
        EngineName: 's3',
        S3Settings: {
          BucketName: input.bucket,
          BucketFolder: input.folder.replace(/^\/+|\/+$/g, '') || undefined,
          ExternalTableDefinition: input.externalTableDefinition,
          CsvNullValue: input.nullMarker,
          CsvDelimiter: ',',
          CsvRowDelimiter: '\n',
          Rfc4180: true,
          IgnoreHeaderRows: 0,
          DataFormat: input.dataFormat,
          ServiceAccessRoleArn: input.roleArn || undefined,
        },
        Tags: [{ Key: AGENT_TAG, Value: input.agentTask }],
      }),
    ),
  );
  if (!out.Endpoint) throw new Error('CreateEndpoint returned no endpoint');
  return toEndpoint(out.Endpoint);
}

export async function deleteEndpoint(clients: AwsClients, arn: string): Promise<void> {
  await dmsCall(clients, 'DeleteEndpoint', (client, { DeleteEndpointCommand }) =>
    client.send(new DeleteEndpointCommand({ EndpointArn: arn })),
  );
}
