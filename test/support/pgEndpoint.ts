// A PostgreSQL endpoint made through the SDK against a test sandbox.
import {
  CreateEndpointCommand,
  type DatabaseMigrationServiceClient,
} from '@aws-sdk/client-database-migration-service';
import type { ConnectionSpec } from '../../src/model/connection.js';

/** CreateEndpoint for the PostgreSQL server of `spec` (its database, user and password); the
 *  new endpoint's ARN. */
export async function createPgEndpoint(
  dms: DatabaseMigrationServiceClient,
  id: string,
  type: 'source' | 'target',
  spec: ConnectionSpec,
): Promise<string> {
  const out = await dms.send(
    new CreateEndpointCommand({
      EndpointIdentifier: id,
      EndpointType: type,
      EngineName: 'postgres',
      ServerName: spec.host,
      Port: spec.port,
      DatabaseName: spec.database,
      Username: spec.user,
      Password: spec.password,
    }),
  );
  return out.Endpoint?.EndpointArn ?? '';
}
