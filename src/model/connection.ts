// A database connection as the project keeps it, and how its engine maps to DMS.

export type DbEngine =
  | 'postgres'
  | 'mysql'
  | 'mariadb'
  | 'aurora-postgresql'
  | 'aurora-mysql'
  | 'oracle'
  | 'sqlserver';

export type SslMode = 'none' | 'require' | 'verify-ca' | 'verify-full';

export interface ConnectionSpec {
  engine: DbEngine;
  host: string;
  port: number;
  database: string;
  user: string;
  /** Never persisted unless the user chose to remember it. */
  password?: string;
  sslMode: SslMode;
}

export interface EngineInfo {
  engine: DbEngine;
  label: string;
  defaultPort: number;
  /** DMS EngineName for CreateEndpoint. */
  dmsEngineName: string;
  /** Which wire protocol our catalog readers and the sandbox engine speak to it with. */
  family: 'postgres' | 'mysql' | null;
}

export const ENGINES: readonly EngineInfo[] = [
  {
    engine: 'postgres',
    label: 'PostgreSQL',
    defaultPort: 5432,
    dmsEngineName: 'postgres',
    family: 'postgres',
  },
  { engine: 'mysql', label: 'MySQL', defaultPort: 3306, dmsEngineName: 'mysql', family: 'mysql' },
  {
    engine: 'mariadb',
    label: 'MariaDB',
    defaultPort: 3306,
    dmsEngineName: 'mariadb',
    family: 'mysql',
  },
  {
    engine: 'aurora-postgresql',
    label: 'Aurora PostgreSQL',
    defaultPort: 5432,
    dmsEngineName: 'aurora-postgresql',
    family: 'postgres',
  },
  {
    engine: 'aurora-mysql',
    label: 'Aurora MySQL',
    defaultPort: 3306,
    dmsEngineName: 'aurora',
    family: 'mysql',
  },
  {
    engine: 'oracle',
    label: 'Oracle (endpoint only)',
    defaultPort: 1521,
    dmsEngineName: 'oracle',
    family: null,
  },
  {
    engine: 'sqlserver',
    label: 'SQL Server (endpoint only)',
    defaultPort: 1433,
    dmsEngineName: 'sqlserver',
    family: null,
  },
];

export function engineInfo(engine: DbEngine): EngineInfo {
  const info = ENGINES.find((e) => e.engine === engine);
  if (!info) throw new Error(`Unknown engine: ${engine}`);
  return info;
}

export function isDbEngine(value: string): value is DbEngine {
  return ENGINES.some((e) => e.engine === value);
}

/** The wire family for a DMS EngineName (as stored on an endpoint), or null if we cannot speak it. */
export function familyOfDmsEngine(engineName: string): 'postgres' | 'mysql' | null {
  const name = engineName.toLowerCase();
  if (name === 'postgres' || name === 'aurora-postgresql') return 'postgres';
  if (name === 'mysql' || name === 'mariadb' || name === 'aurora') return 'mysql';
  return null;
}

/** "postgres@db.example.com:5432/sales" — safe to show: never includes the password. */
export function describeConnection(c: ConnectionSpec): string {
  const db = c.database ? `/${c.database}` : '';
  return `${c.user}@${c.host}:${c.port}${db}`;
}
