// A DMS endpoint as the app sees it, one type for every screen that shows one (the task list's
// names, the task details, the task form's picker): plain data that src/aws/endpoints.ts builds
// from DescribeEndpoints / CreateEndpoint. Never holds the endpoint's password. Pure.

export type EndpointType = 'source' | 'target';

export interface Endpoint {
  /** EndpointIdentifier. */
  identifier: string;
  arn: string;
  type: EndpointType;
  /** DMS's engine name: "postgres", "mysql", "aurora-postgresql", … */
  engineName: string;
  server?: string;
  port?: number;
  database?: string;
  /** "active", "creating", "deleting", … */
  status?: string;
  /** Username (never the password: DMS does not return it). */
  user?: string;
  /** "none", "require", "verify-ca", "verify-full". */
  sslMode?: string;
}

/** A database connection as an endpoint is matched against it (DMS's engine name). */
export interface ConnectionTarget {
  dmsEngineName: string;
  host: string;
  port: number;
  database: string;
}

/** Whether the endpoint names the database the connection reaches: engine, server (any case),
 *  port (when the endpoint has one) and database. */
export function endpointReaches(endpoint: Endpoint, connection: ConnectionTarget): boolean {
  return (
    endpoint.engineName === connection.dmsEngineName &&
    (endpoint.server ?? '').toLowerCase() === connection.host.toLowerCase() &&
    (endpoint.port === undefined || endpoint.port === connection.port) &&
    (endpoint.database ?? '') === (connection.database ?? '')
  );
}
