// A session of the AWS CLI (test/support/awsCli.ts) against one sandbox, for tests that make
// many calls: a private HOME, JSON output parsed, and JSON files for `file://` arguments.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionSpec } from '../../../src/model/connection.js';
import { awsCliJson } from '../../support/awsCli.js';

export { awsCliVersion } from '../../support/awsCli.js';

export interface CliSession {
  /** Runs `aws <args> --endpoint-url <sandbox> --output json`; the parsed output. */
  (...args: string[]): Promise<Record<string, unknown>>;
  /** The sandbox's URL now. */
  url(): string;
  /** Writes a JSON file in the session's home, for `file://` arguments. */
  file(name: string, value: unknown): string;
  cleanup(): void;
}

/** `url` is read on every call, so a session outlives a sandbox restart. */
export function cliSession(url: () => string): CliSession {
  const home = mkdtempSync(join(tmpdir(), 'dmst-cli-'));
  const call = (...args: string[]) => awsCliJson(url(), home, args);
  return Object.assign(call, {
    url,
    file(name: string, value: unknown) {
      const path = join(home, name);
      writeFileSync(path, JSON.stringify(value));
      return path;
    },
    cleanup() {
      rmSync(home, { recursive: true, force: true });
    },
  });
}

/** A call of the AWS CLI with parsed JSON output: a CliSession or the like. */
export type CliCall = (...args: string[]) => Promise<Record<string, unknown>>;

/** `aws dms create-endpoint` with `extra` arguments (e.g. serverArgs or --s3-settings); the
 *  new endpoint's ARN. */
export async function cliEndpoint(
  aws: CliCall,
  id: string,
  type: 'source' | 'target',
  engine: string,
  extra: string[],
): Promise<string> {
  const out = await aws(
    'dms',
    'create-endpoint',
    '--endpoint-identifier',
    id,
    '--endpoint-type',
    type,
    '--engine-name',
    engine,
    ...extra,
  );
  return (out.Endpoint as { EndpointArn: string }).EndpointArn;
}

/** The create-endpoint arguments that reach a database server (the database name for
 *  PostgreSQL only, as MySQL-family endpoints have none). */
export function serverArgs(spec: ConnectionSpec): string[] {
  return [
    '--server-name',
    spec.host,
    '--port',
    String(spec.port),
    '--username',
    spec.user,
    ...(spec.password ? ['--password', spec.password] : []),
    ...(spec.engine === 'postgres' ? ['--database-name', spec.database] : []),
  ];
}
