// Helpers for engine tests: a job that records what the engine reports, and canonical row
// digests that compare across PostgreSQL and MySQL.
import { createHash } from 'node:crypto';
import type { DbConnection } from '../../../src/db/connection.js';
import type { FullLoadJob, TableProgress } from '../../../src/sandbox/engine/types.js';
import type { ConnectionSpec } from '../../../src/model/connection.js';
import type { MappingRule, SelectionRule } from '../../../src/model/tableMappings.js';

export interface RecordedJob extends FullLoadJob {
  lines: string[];
  updates: TableProgress[];
  tables: string[];
  controller: AbortController;
  final(schema: string, table: string): TableProgress | undefined;
}

export function makeJob(opts: {
  source: ConnectionSpec;
  target: ConnectionSpec;
  rules: MappingRule[];
  settings?: Record<string, Record<string, unknown>>;
  skipTables?: Set<string>;
  onUpdate?: (p: TableProgress, job: RecordedJob) => void;
}): RecordedJob {
  const controller = new AbortController();
  const job: RecordedJob = {
    source: opts.source,
    target: opts.target,
    tableMappings: { rules: opts.rules },
    settings: {
      FullLoadSettings: {
        TargetTablePrepMode: 'DROP_AND_CREATE',
        MaxFullLoadSubTasks: 4,
        CommitRate: 10000,
      },
      TargetMetadata: {
        SupportLobs: true,
        FullLobMode: false,
        LimitedSizeLobMode: true,
        LobMaxSize: 32,
      },
      ErrorBehavior: { FailOnNoTablesCaptured: true, TableErrorPolicy: 'SUSPEND_TABLE' },
      ...opts.settings,
    },
    skipTables: opts.skipTables,
    signal: controller.signal,
    controller,
    lines: [],
    updates: [],
    tables: [],
    onTables(tables) {
      job.tables = tables.map((t) => `${t.schema}.${t.table}`);
    },
    onTableUpdate(p) {
      job.updates.push({ ...p });
      opts.onUpdate?.(p, job);
    },
    log(component, severity, message, file) {
      job.lines.push(`[${component.padEnd(16)}]${severity}:  ${message}  (${file ?? ''})`);
    },
    final(schema, table) {
      return job.updates.filter((u) => u.schema === schema && u.table === table).at(-1);
    },
  };
  return job;
}

export function include(
  schema: string,
  table: string,
  id = '1',
  action: SelectionRule['rule-action'] = 'include',
): SelectionRule {
  return {
    'rule-type': 'selection',
    'rule-id': id,
    'rule-name': `r${id}`,
    'object-locator': { 'schema-name': schema, 'table-name': table },
    'rule-action': action,
  };
}

/** Canonical text per kind of column, the same whichever engine holds the value. */
export type Kind = 'int' | 'text' | 'num' | 'bool' | 'date' | 'ts' | 'bin';

function expr(family: 'postgres' | 'mysql', column: string, kind: Kind): string {
  const q = family === 'postgres' ? `"${column}"` : `\`${column}\``;
  if (family === 'postgres') {
    switch (kind) {
      case 'bool':
        return `(${q})::int::text`;
      case 'date':
        return `to_char(${q}, 'YYYY-MM-DD')`;
      case 'ts':
        return `to_char(${q}, 'YYYY-MM-DD HH24:MI:SS.US')`;
      case 'bin':
        return `md5(${q})`;
      case 'text':
        return `md5(${q}::text)`;
      default:
        return `(${q})::text`;
    }
  }
  switch (kind) {
    case 'bool':
      return `CAST(${q} AS CHAR)`;
    case 'date':
      return `DATE_FORMAT(${q}, '%Y-%m-%d')`;
    case 'ts':
      return `DATE_FORMAT(${q}, '%Y-%m-%d %H:%i:%s.%f')`;
    case 'bin':
    case 'text':
      return `MD5(${q})`;
    default:
      return `CAST(${q} AS CHAR)`;
  }
}

/** Row count and a digest of the rows ordered by the first column. */
export async function digest(
  conn: DbConnection,
  schema: string,
  table: string,
  columns: [string, Kind][],
): Promise<{ rows: number; sha: string }> {
  const f = conn.family;
  const q = (n: string) => (f === 'postgres' ? `"${n}"` : `\`${n}\``);
  const cols = columns.map(([c, k]) => `${expr(f, c, k)} AS ${q(c)}`).join(', ');
  const { rows } = await conn.query<Record<string, unknown>>(
    `SELECT ${cols} FROM ${q(schema)}.${q(table)} ORDER BY ${q(columns[0]?.[0] ?? 'id')}`,
  );
  const hash = createHash('sha256');
  for (const row of rows)
    hash.update(`${columns.map(([c]) => String(row[c] ?? '\\N')).join('|')}\n`);
  return { rows: rows.length, sha: hash.digest('hex') };
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 8)}`;
}
