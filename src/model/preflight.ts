// Preflight checks (issue 15 item 3): our premigration assessment, run locally through the
// project's connections with no S3 bucket or IAM role. The probes (src/db/preflightProbe.ts)
// gather facts; this turns them into a checklist of pass / warn / fail, each with what to do.
// Pure.
import { type CdcFacts, cdcWarnings } from './cdcPrerequisites.js';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface PreflightCheck {
  id: string;
  title: string;
  status: CheckStatus;
  /** What was found. */
  detail: string;
  /** What to do about it (warn and fail). */
  fix?: string;
}

export interface TableFacts {
  /** "schema.table" at the source. */
  name: string;
  /** "schema.table" at the target. */
  target: string;
  hasKey: boolean;
  lobColumns: string[];
  notNullLobColumns: string[];
  /** Columns whose type the target cannot hold as it is. */
  unsupported: { column: string; note: string }[];
  /** Estimated rows and bytes (the catalog's statistics). */
  rows: number;
  bytes: number;
  /** Rows the target table holds already; null: it does not exist; undefined: not measured. */
  targetRows?: number | null;
}

export interface EndpointFacts {
  ok: boolean;
  /** The connection error, one line. */
  error?: string;
  label: string;
}

export interface PreflightFacts {
  migrationType: 'full-load' | 'cdc' | 'full-load-and-cdc';
  validation: boolean;
  prepMode: 'DROP_AND_CREATE' | 'TRUNCATE_BEFORE_LOAD' | 'DO_NOTHING';
  lob: { kind: 'none' } | { kind: 'limited'; maxKb: number } | { kind: 'full' };
  source: EndpointFacts;
  target: EndpointFacts;
  /** Selection rules naming a table (no %) that matched nothing: "schema.table". */
  missingTables: string[];
  tables: TableFacts[];
  largestLob?: { bytes: number; where?: string; unmeasured: number };
  /** Target schemas the tables go to, and whether each exists. */
  targetSchemas: { name: string; exists: boolean }[];
  cdc?: CdcFacts;
}

const list = (names: readonly string[], max = 3) =>
  names.length <= max
    ? names.join(', ')
    : `${names.slice(0, max).join(', ')} and ${names.length - max} more`;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function sizeText(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

function endpointCheck(id: string, side: string, e: EndpointFacts): PreflightCheck {
  return e.ok
    ? { id, title: `${side} connection`, status: 'pass', detail: `Connected to ${e.label}` }
    : {
        id,
        title: `${side} connection`,
        status: 'fail',
        detail: e.error ?? `Cannot connect to ${e.label}`,
        fix: `Check the ${side.toLowerCase()} connection's host, port, user and password, and that the server accepts connections from here`,
      };
}

function keyCheck(f: PreflightFacts): PreflightCheck {
  const noKey = f.tables.filter((t) => !t.hasKey).map((t) => t.name);
  const cdc = f.migrationType !== 'full-load';
  const title = 'Primary keys';
  if (noKey.length === 0)
    return { id: 'keys', title, status: 'pass', detail: 'Every selected table has one' };
  const loses = [
    cdc ? 'CDC replicates only their inserts' : '',
    f.validation ? 'validation skips them' : '',
  ]
    .filter(Boolean)
    .join('; ');
  return {
    id: 'keys',
    title,
    status: cdc || f.validation ? 'warn' : 'pass',
    detail: `${plural(noKey.length, 'table')} without a primary key: ${list(noKey)}${loses ? ` (${loses})` : ''}`,
    fix:
      cdc || f.validation
        ? 'Add a primary key (or a unique key DMS can use) to those tables'
        : undefined,
  };
}

function lobChecks(f: PreflightFacts): PreflightCheck[] {
  const withLobs = f.tables.filter((t) => t.lobColumns.length > 0);
  const out: PreflightCheck[] = [];
  const columns = withLobs.reduce((n, t) => n + t.lobColumns.length, 0);
  const largest = f.largestLob;
  const biggest = largest
    ? `; the largest value is ${sizeText(largest.bytes)}${largest.where ? ` (${largest.where})` : ''}`
    : '';
  if (columns === 0)
    out.push({ id: 'lobs', title: 'LOB columns', status: 'pass', detail: 'No LOB columns' });
  else if (f.lob.kind === 'none')
    out.push({
      id: 'lobs',
      title: 'LOB columns',
      status: 'warn',
      detail: `${plural(columns, 'LOB column')} in ${plural(withLobs.length, 'table')} are not migrated (SupportLobs off)${biggest}`,
      fix: 'Turn LOB support on (limited or full LOB mode) to migrate them',
    });
  else if (f.lob.kind === 'limited' && largest && largest.bytes > f.lob.maxKb * 1024)
    out.push({
      id: 'lobs',
      title: 'LOB columns',
      status: 'fail',
      detail: `Limited LOB mode cuts values at ${f.lob.maxKb} KB${biggest}: those values would be truncated`,
      fix: `Raise LobMaxSize to at least ${Math.ceil(largest.bytes / 1024)} KB, or use full LOB mode`,
    });
  else
    out.push({
      id: 'lobs',
      title: 'LOB columns',
      status: largest && largest.unmeasured > 0 ? 'warn' : 'pass',
      detail: `${plural(columns, 'LOB column')}, ${f.lob.kind} LOB mode${biggest}${largest?.unmeasured ? ` (${plural(largest.unmeasured, 'column')} not measured)` : ''}`,
      fix: largest?.unmeasured
        ? 'Measure the unmeasured columns before choosing LobMaxSize'
        : undefined,
    });
  const notNull = f.tables.flatMap((t) => t.notNullLobColumns.map((c) => `${t.name}.${c}`));
  if (f.lob.kind === 'none' && notNull.length > 0)
    out.push({
      id: 'lob-not-null',
      title: 'NOT NULL LOB columns',
      status: 'fail',
      detail: `LOBs are excluded but ${list(notNull)} cannot be NULL: their rows fail to load`,
      fix: 'Turn LOB support on, or make the columns nullable on the target',
    });
  return out;
}

function typeCheck(f: PreflightFacts): PreflightCheck {
  const bad = f.tables.flatMap((t) =>
    t.unsupported.map((u) => `${t.name}.${u.column} (${u.note})`),
  );
  return bad.length === 0
    ? {
        id: 'types',
        title: 'Data types',
        status: 'pass',
        detail: 'The target can hold every source type',
      }
    : {
        id: 'types',
        title: 'Data types',
        status: 'warn',
        detail: `${plural(bad.length, 'column')} the target cannot hold as they are: ${list(bad, 2)}`,
        fix: 'Check those columns on the target after the load, or change their type with a transformation rule',
      };
}

function targetChecks(f: PreflightFacts): PreflightCheck[] {
  const out: PreflightCheck[] = [];
  const missing = f.targetSchemas.filter((s) => !s.exists).map((s) => s.name);
  if (missing.length > 0)
    out.push({
      id: 'target-schema',
      title: 'Target schema',
      status: f.prepMode === 'DROP_AND_CREATE' ? 'pass' : 'warn',
      detail: `${list(missing)} ${missing.length === 1 ? 'does' : 'do'} not exist on the target${f.prepMode === 'DROP_AND_CREATE' ? ' (DMS creates it)' : ''}`,
      fix:
        f.prepMode === 'DROP_AND_CREATE'
          ? undefined
          : 'Create it, or use TargetTablePrepMode DROP_AND_CREATE',
    });
  const holding = f.tables.filter((t) => (t.targetRows ?? 0) > 0);
  if (f.migrationType !== 'cdc' && holding.length > 0 && f.prepMode !== 'DROP_AND_CREATE') {
    const names = holding.map((t) => `${t.target} (${plural(t.targetRows ?? 0, 'row')})`);
    out.push(
      f.prepMode === 'DO_NOTHING'
        ? {
            id: 'target-rows',
            title: 'Target tables',
            status: 'fail',
            detail: `${list(names)} already hold rows and DO_NOTHING keeps them: the load adds to them (duplicate keys fail)`,
            fix: 'Empty those tables, or use TRUNCATE_BEFORE_LOAD or DROP_AND_CREATE',
          }
        : {
            id: 'target-rows',
            title: 'Target tables',
            status: 'warn',
            detail: `${list(names)} already hold rows: TRUNCATE_BEFORE_LOAD empties them`,
            fix: 'Make sure nothing on the target still needs those rows',
          },
    );
  }
  if (out.length === 0)
    out.push({
      id: 'target',
      title: 'Target tables',
      status: 'pass',
      detail: 'Nothing in the way',
    });
  return out;
}

function cdcCheck(f: PreflightFacts): PreflightCheck | null {
  if (f.migrationType === 'full-load') return null;
  if (!f.cdc)
    return {
      id: 'cdc',
      title: 'CDC prerequisites',
      status: 'warn',
      detail: 'Not checked (the source could not be read)',
      fix: 'Fix the source connection and run the checks again',
    };
  // Tables without a key have their own check.
  const warnings = cdcWarnings({ ...f.cdc, tablesWithoutKey: [], tablesWithoutKeyCount: 0 });
  return warnings.length === 0
    ? {
        id: 'cdc',
        title: 'CDC prerequisites',
        status: 'pass',
        detail: 'The source is ready for change data capture',
      }
    : {
        id: 'cdc',
        title: 'CDC prerequisites',
        status: 'fail',
        detail: warnings.join('; '),
        fix: 'Change the source settings named above (a DBA task), then check again',
      };
}

export function preflightChecks(f: PreflightFacts): PreflightCheck[] {
  const checks = [
    endpointCheck('source', 'Source', f.source),
    endpointCheck('target', 'Target', f.target),
  ];
  if (!f.source.ok) return checks;
  checks.push(
    f.missingTables.length > 0
      ? {
          id: 'tables',
          title: 'Selected tables',
          status: 'fail',
          detail: `${list(f.missingTables)} ${f.missingTables.length === 1 ? 'does' : 'do'} not exist at the source`,
          fix: 'Correct the selection rules (names are case-sensitive)',
        }
      : f.tables.length === 0
        ? {
            id: 'tables',
            title: 'Selected tables',
            status: 'fail',
            detail: 'The selection rules match no table',
            fix: 'Correct the selection rules',
          }
        : {
            id: 'tables',
            title: 'Selected tables',
            status: 'pass',
            detail: `${plural(f.tables.length, 'table')} selected`,
          },
  );
  checks.push(keyCheck(f), ...lobChecks(f), typeCheck(f));
  if (f.target.ok) checks.push(...targetChecks(f));
  const cdc = cdcCheck(f);
  if (cdc) checks.push(cdc);
  const rows = f.tables.reduce((n, t) => n + t.rows, 0);
  const bytes = f.tables.reduce((n, t) => n + t.bytes, 0);
  checks.push({
    id: 'size',
    title: 'Estimated size',
    status: 'pass',
    detail: `About ${rows.toLocaleString('en-US')} rows, ${sizeText(bytes)} (the source's statistics)`,
  });
  return checks;
}

/** The worst status of a checklist. */
export function preflightVerdict(checks: readonly PreflightCheck[]): CheckStatus {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  if (checks.some((c) => c.status === 'warn')) return 'warn';
  return 'pass';
}

function section(settings: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = settings[name];
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** What the checks need from a task's type and ReplicationTaskSettings (DMS defaults). */
export function preflightSettings(
  migrationType: string,
  settings: Record<string, unknown>,
): Pick<PreflightFacts, 'migrationType' | 'validation' | 'prepMode' | 'lob'> {
  const meta = section(settings, 'TargetMetadata');
  const full = section(settings, 'FullLoadSettings');
  const validation = section(settings, 'ValidationSettings');
  const mode = String(full.TargetTablePrepMode ?? 'DO_NOTHING');
  const maxKb = Number(meta.LobMaxSize ?? 32);
  return {
    migrationType:
      migrationType === 'cdc' || migrationType === 'full-load-and-cdc'
        ? migrationType
        : 'full-load',
    validation: validation.EnableValidation === true || validation.ValidationOnly === true,
    prepMode: mode === 'DROP_AND_CREATE' || mode === 'TRUNCATE_BEFORE_LOAD' ? mode : 'DO_NOTHING',
    lob:
      meta.SupportLobs === false
        ? { kind: 'none' }
        : meta.FullLobMode === true
          ? { kind: 'full' }
          : { kind: 'limited', maxKb: Number.isFinite(maxKb) && maxKb > 0 ? maxKb : 32 },
  };
}

const MARK: Record<CheckStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' };

/** The checklist as lines of text: "FAIL  Target tables  … → what to do". */
export function checklistLines(checks: readonly PreflightCheck[]): string[] {
  const width = Math.max(...checks.map((c) => c.title.length));
  return checks.map(
    (c) => `${MARK[c.status]}  ${c.title.padEnd(width)}  ${c.detail}${c.fix ? ` → ${c.fix}` : ''}`,
  );
}
