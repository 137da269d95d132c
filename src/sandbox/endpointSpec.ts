// The database connection an endpoint describes, for TestConnection and the task runner.
import type { ConnectionSpec, DbEngine, SslMode } from '../model/connection.js';
import type { EndpointRecord } from './state.js';

const ENGINE_OF: Record<string, DbEngine> = {
  postgres: 'postgres',
  'aurora-postgresql': 'aurora-postgresql',
  mysql: 'mysql',
  mariadb: 'mariadb',
  aurora: 'aurora-mysql',
};

/** null when the sandbox cannot speak to this engine. */
export function endpointSpec(e: EndpointRecord): ConnectionSpec | null {
  const engine = ENGINE_OF[e.engineName];
  if (!engine) return null;
  const settings =
    e.engineSettings[engine.includes('postgres') ? 'PostgreSQLSettings' : 'MySQLSettings'] ?? {};
  const family = engine.includes('postgres') ? 'postgres' : 'mysql';
  return {
    engine,
    host: e.serverName ?? (settings.ServerName as string | undefined) ?? '',
    port: e.port ?? (settings.Port as number | undefined) ?? (family === 'postgres' ? 5432 : 3306),
    database: e.databaseName ?? (settings.DatabaseName as string | undefined) ?? '',
    user: e.username ?? (settings.Username as string | undefined) ?? '',
    password: e.password,
    sslMode: (e.sslMode as SslMode) ?? 'none',
  };
}
