// Endpoints: CreateEndpoint, ModifyEndpoint, DeleteEndpoint, DescribeEndpoints.
import { identifierError } from '../model/identifiers.js';
import { dmsArn, newResourceId } from './arn.js';
import type { Call, Handler, Input } from './context.js';
import { applyFilters, page } from './paging.js';
import {
  alreadyExists,
  invalidCombination,
  invalidState,
  invalidValue,
  notFound,
} from './protocol/errors.js';
import { type EndpointRecord, regionOf } from './state.js';
import { addTags, readTags } from './tags.js';

const ENGINE_DISPLAY: Record<string, string> = {
  mysql: 'MySQL',
  oracle: 'Oracle',
  postgres: 'PostgreSQL',
  mariadb: 'MariaDB',
  aurora: 'Amazon Aurora MySQL',
  'aurora-postgresql': 'Amazon Aurora PostgreSQL',
  'aurora-serverless': 'Amazon Aurora Serverless',
  redshift: 'Amazon Redshift',
  'redshift-serverless': 'Amazon Redshift Serverless',
  s3: 'Amazon S3',
  db2: 'IBM Db2 for Linux, UNIX, and Windows',
  'db2-zos': 'IBM Db2 for z/OS',
  azuredb: 'Microsoft Azure SQL Database',
  'azure-sql-managed-instance': 'Microsoft Azure SQL Managed Instance',
  sybase: 'SAP Sybase ASE',
  dynamodb: 'Amazon DynamoDB',
  mongodb: 'MongoDB',
  kinesis: 'Amazon Kinesis',
  kafka: 'Kafka',
  elasticsearch: 'Elasticsearch',
  opensearch: 'Amazon OpenSearch Service',
  docdb: 'Amazon DocumentDB',
  sqlserver: 'Microsoft SQL Server',
  neptune: 'Amazon Neptune',
  babelfish: 'Babelfish',
  timestream: 'Amazon Timestream',
};

const SETTINGS_KEYS = [
  'PostgreSQLSettings',
  'MySQLSettings',
  'OracleSettings',
  'SybaseSettings',
  'MicrosoftSQLServerSettings',
  'IBMDb2Settings',
  'DocDbSettings',
  'RedshiftSettings',
  'MongoDbSettings',
  'S3Settings',
  'DynamoDbSettings',
  'KinesisSettings',
  'KafkaSettings',
  'ElasticsearchSettings',
  'NeptuneSettings',
  'RedisSettings',
  'GcpMySQLSettings',
  'TimestreamSettings',
  'DmsTransferSettings',
];

const SSL_MODES = ['none', 'require', 'verify-ca', 'verify-full'];

export function identifierProblem(
  param: string,
  value: string,
  kind: 'endpoint' | 'task',
): string | null {
  if (identifierError(value, kind) === null) return null;
  return `The parameter ${param} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`;
}

function inRegion(call: Call): EndpointRecord[] {
  return call.sandbox.store.state.endpoints.filter((e) => regionOf(e.arn) === call.region);
}

export function findEndpoint(call: Call, arn: string): EndpointRecord {
  const endpoint = call.sandbox.store.state.endpoints.find((e) => e.arn === arn);
  if (!endpoint) throw notFound(`Endpoint ${arn} not found`);
  return endpoint;
}

function checkEngine(name: string): string {
  const engine = name.toLowerCase();
  if (!Object.hasOwn(ENGINE_DISPLAY, engine)) throw invalidValue(`Invalid engine name: ${name}`);
  return engine;
}

function checkType(type: string): 'source' | 'target' {
  const t = type.toLowerCase();
  if (t !== 'source' && t !== 'target')
    throw invalidValue(`Invalid endpoint type: ${type}. Valid values are source and target`);
  return t;
}

function withoutPassword(settings: Record<string, unknown>): Record<string, unknown> {
  const { Password: _omit, ...rest } = settings;
  return rest;
}

function checkPort(param: string, port: unknown): void {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
    throw invalidValue(
      `Invalid value for ${param}: ${String(port)}. The port must be an integer from 1 to 65535.`,
    );
}

/** Checks everything a Create or Modify request sets before anything changes. */
function checkFields(input: Input): void {
  if (input.Port !== undefined) checkPort('Port', input.Port);
  if (input.SslMode !== undefined && !SSL_MODES.includes(input.SslMode))
    throw invalidValue(
      `Invalid SslMode: ${input.SslMode}. Valid values are ${SSL_MODES.join(', ')}`,
    );
  for (const key of SETTINGS_KEYS) {
    const value = input[key] as Record<string, unknown> | undefined;
    if (value?.Port !== undefined) checkPort(`${key}.Port`, value.Port);
  }
}

/** Applies the fields a Create or Modify request sets (checked first by checkFields). */
function applyFields(endpoint: EndpointRecord, input: Input): void {
  if (input.Username !== undefined) endpoint.username = input.Username;
  if (input.Password !== undefined) endpoint.password = input.Password;
  if (input.ServerName !== undefined) endpoint.serverName = input.ServerName;
  if (input.Port !== undefined) endpoint.port = input.Port;
  if (input.DatabaseName !== undefined) endpoint.databaseName = input.DatabaseName;
  if (input.ExtraConnectionAttributes !== undefined)
    endpoint.extraConnectionAttributes = input.ExtraConnectionAttributes;
  if (input.CertificateArn !== undefined) endpoint.certificateArn = input.CertificateArn;
  if (input.SslMode !== undefined) endpoint.sslMode = input.SslMode;
  for (const key of SETTINGS_KEYS) {
    const value = input[key] as Record<string, unknown> | undefined;
    if (value === undefined) continue;
    if (typeof value.Password === 'string') endpoint.password = value.Password;
    endpoint.engineSettings[key] = {
      ...(endpoint.engineSettings[key] ?? {}),
      ...withoutPassword(value),
    };
  }
}

export function renderEndpoint(e: EndpointRecord) {
  return {
    EndpointIdentifier: e.identifier,
    EndpointType: e.type.toUpperCase(),
    EngineName: e.engineName,
    EngineDisplayName: ENGINE_DISPLAY[e.engineName] ?? e.engineName,
    Username: e.username,
    ServerName: e.serverName,
    Port: e.port,
    DatabaseName: e.databaseName,
    ExtraConnectionAttributes: e.extraConnectionAttributes,
    Status: e.status,
    EndpointArn: e.arn,
    CertificateArn: e.certificateArn,
    SslMode: e.sslMode,
    ...e.engineSettings,
  };
}

const createEndpoint: Handler = (call, input: Input) => {
  const problem = identifierProblem('EndpointIdentifier', input.EndpointIdentifier, 'endpoint');
  if (problem) throw invalidValue(problem);
  const type = checkType(input.EndpointType);
  const engineName = checkEngine(input.EngineName);
  checkFields(input);
  const taken = inRegion(call).find(
    (e) => e.identifier.toLowerCase() === String(input.EndpointIdentifier).toLowerCase(),
  );
  if (taken) throw alreadyExists('The endpoint identifier is already in use.', taken.arn);
  if (
    input.ResourceIdentifier !== undefined &&
    !/^[A-Za-z][A-Za-z0-9-]{0,30}$/.test(input.ResourceIdentifier)
  )
    throw invalidValue('Invalid ResourceIdentifier.');
  const arn = dmsArn(call.region, 'endpoint', input.ResourceIdentifier ?? newResourceId());
  if (call.sandbox.store.state.endpoints.some((e) => e.arn === arn))
    throw alreadyExists('The resource identifier is already in use.', arn);
  const endpoint: EndpointRecord = {
    arn,
    identifier: input.EndpointIdentifier,
    type,
    engineName,
    sslMode: 'none',
    engineSettings: {},
    status: 'active',
    createdMs: Date.now(),
  };
  applyFields(endpoint, input);
  addTags(endpoint, readTags(input.Tags));
  call.sandbox.store.state.endpoints.push(endpoint);
  call.sandbox.store.changed();
  return { Endpoint: renderEndpoint(endpoint) };
};

const modifyEndpoint: Handler = (call, input: Input) => {
  const endpoint = findEndpoint(call, input.EndpointArn);
  if (endpoint.status === 'deleting')
    throw invalidState(`Endpoint ${endpoint.arn} is being deleted`);
  if (input.EndpointIdentifier !== undefined) {
    const problem = identifierProblem('EndpointIdentifier', input.EndpointIdentifier, 'endpoint');
    if (problem) throw invalidValue(problem);
    const taken = inRegion(call).find(
      (e) =>
        e !== endpoint &&
        e.identifier.toLowerCase() === String(input.EndpointIdentifier).toLowerCase(),
    );
    if (taken) throw alreadyExists('The endpoint identifier is already in use.', taken.arn);
  }
  const type = input.EndpointType !== undefined ? checkType(input.EndpointType) : endpoint.type;
  const engineName =
    input.EngineName !== undefined ? checkEngine(input.EngineName) : endpoint.engineName;
  checkFields(input);
  if (type !== endpoint.type) {
    const used = call.sandbox.store.state.tasks.some(
      (t) => t.sourceEndpointArn === endpoint.arn || t.targetEndpointArn === endpoint.arn,
    );
    if (used)
      throw invalidCombination(
        'The endpoint type cannot be changed while a replication task uses the endpoint.',
      );
  }
  if (input.EndpointIdentifier !== undefined) endpoint.identifier = input.EndpointIdentifier;
  endpoint.type = type;
  endpoint.engineName = engineName;
  applyFields(endpoint, input);
  call.sandbox.store.changed();
  return { Endpoint: renderEndpoint(endpoint) };
};

const deleteEndpoint: Handler = (call, input: Input) => {
  const endpoint = findEndpoint(call, input.EndpointArn);
  const users = call.sandbox.store.state.tasks.filter(
    (t) => t.sourceEndpointArn === endpoint.arn || t.targetEndpointArn === endpoint.arn,
  );
  if (users.length > 0)
    throw invalidState(
      `Endpoint ${endpoint.arn} is used by replication task(s) ${users.map((t) => t.identifier).join(', ')}; delete them first.`,
    );
  endpoint.status = 'deleting';
  const { state } = call.sandbox.store;
  state.connections = state.connections.filter((c) => c.endpointArn !== endpoint.arn);
  call.sandbox.store.changed();
  const rendered = renderEndpoint(endpoint);
  call.sandbox.later(300, () => {
    state.endpoints = state.endpoints.filter((e) => e !== endpoint);
    call.sandbox.store.changed();
  });
  return { Endpoint: rendered };
};

const describeEndpoints: Handler = (call, input: Input) => {
  const matched = applyFilters(inRegion(call), input.Filters, {
    'endpoint-arn': (e) => [e.arn],
    'endpoint-type': (e) => [e.type, e.type.toUpperCase()],
    'endpoint-id': (e) => [e.identifier],
    'engine-name': (e) => [e.engineName],
  });
  const { items, Marker } = page(matched, input);
  if (matched.length === 0) throw notFound('No Endpoints found matching provided filters');
  return { Marker, Endpoints: items.map(renderEndpoint) };
};

export const endpointHandlers: Record<string, Handler> = {
  CreateEndpoint: createEndpoint,
  ModifyEndpoint: modifyEndpoint,
  DeleteEndpoint: deleteEndpoint,
  DescribeEndpoints: describeEndpoints,
};
