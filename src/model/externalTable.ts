// DMS's ExternalTableDefinition for an Amazon S3 source endpoint (S3Settings, a JSON string):
// which tables the bucket holds, where (TablePath under BucketFolder), and their columns with
// DMS's neutral types. Read and checked here (pure); docs/s3-source.md describes the format.

export const DMS_COLUMN_TYPES = [
  'BYTE',
  'DATE',
  'TIME',
  'DATETIME',
  'INT1',
  'INT2',
  'INT4',
  'INT8',
  'NUMERIC',
  'REAL4',
  'REAL8',
  'STRING',
  'WSTRING',
  'UINT1',
  'UINT2',
  'UINT4',
  'UINT8',
  'BLOB',
  'CLOB',
  'NCLOB',
  'BOOLEAN',
] as const;
export type DmsColumnType = (typeof DMS_COLUMN_TYPES)[number];

export const DATE_FORMATS = [
  'YYYY-MM-dd HH:mm:ss',
  'YYYY/MM/dd HH:mm:ss',
  'MM/dd/YYYY HH:mm:ss',
  'YYYYMMdd HH:mm:ss',
] as const;

export interface ExternalColumn {
  name: string;
  type: DmsColumnType;
  nullable: boolean;
  isPk: boolean;
  length?: number;
  precision?: number;
  scale?: number;
  dateFormat?: (typeof DATE_FORMATS)[number];
}

export interface ExternalTable {
  schema: string;
  table: string;
  /** Relative to BucketFolder, ending in "/" (e.g. "hr/employee/"). */
  path: string;
  columns: ExternalColumn[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** DMS's limit on the definition. */
export const MAX_DEFINITION_BYTES = 2 * 1024 * 1024;

const str = (v: unknown): string | undefined =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : undefined;

function intOf(v: unknown, what: string, min: number, max: number): number | undefined {
  const s = str(v);
  if (s === undefined || s === '') return undefined;
  if (!/^\d+$/.test(s)) throw new Error(`${what} must be a whole number, got "${s}"`);
  const n = Number(s);
  if (n < min || n > max) throw new Error(`${what} must be from ${min} to ${max}, got ${n}`);
  return n;
}

function boolOf(v: unknown, what: string): boolean {
  const s = str(v)?.toLowerCase();
  if (s === undefined || s === '') return false;
  if (s === 'true' || s === 'false') return s === 'true';
  throw new Error(`${what} must be "true" or "false", got "${s}"`);
}

function column(raw: unknown, where: string): ExternalColumn {
  if (typeof raw !== 'object' || raw === null) throw new Error(`${where} is not an object`);
  const c = raw as Record<string, unknown>;
  const name = str(c.ColumnName);
  if (!name) throw new Error(`${where} has no ColumnName`);
  const at = `${where} ("${name}")`;
  const type = str(c.ColumnType)?.toUpperCase() as DmsColumnType | undefined;
  if (!type || !DMS_COLUMN_TYPES.includes(type))
    throw new Error(`${at}: ColumnType must be one of ${DMS_COLUMN_TYPES.join(', ')}`);
  const col: ExternalColumn = {
    name,
    type,
    nullable: boolOf(c.ColumnNullable, `${at} ColumnNullable`),
    isPk: boolOf(c.ColumnIsPk, `${at} ColumnIsPk`),
  };
  const length = intOf(c.ColumnLength, `${at} ColumnLength`, 0, 2147483647);
  if (length) col.length = length;
  if (type === 'NUMERIC') {
    col.precision = intOf(c.ColumnPrecision, `${at} ColumnPrecision`, 1, 38);
    col.scale = intOf(c.ColumnScale, `${at} ColumnScale`, 0, 31) ?? 0;
    if (col.precision === undefined) throw new Error(`${at}: NUMERIC needs ColumnPrecision`);
    if (col.scale > col.precision)
      throw new Error(`${at}: ColumnScale is larger than ColumnPrecision`);
  }
  if (type === 'DATETIME') col.scale = intOf(c.ColumnScale, `${at} ColumnScale`, 0, 9) ?? 0;
  const format = str(c.ColumnDateFormat);
  if (format !== undefined) {
    const base = format.replace(/\[?\.F\]?$/, '');
    const known = DATE_FORMATS.find((f) => f === base);
    if (!known)
      throw new Error(`${at}: ColumnDateFormat must be one of ${DATE_FORMATS.join(', ')}`);
    col.dateFormat = known;
  }
  return col;
}

/** Reads the definition; one line saying what is wrong otherwise. */
export function parseExternalTableDefinition(text: string): Parsed<ExternalTable[]> {
  if (text.length > MAX_DEFINITION_BYTES)
    return { ok: false, error: 'ExternalTableDefinition is larger than 2 MB' };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, error: 'ExternalTableDefinition is not valid JSON' };
  }
  try {
    const d = doc as Record<string, unknown>;
    if (typeof d !== 'object' || d === null || !Array.isArray(d.Tables))
      throw new Error('ExternalTableDefinition needs a "Tables" array');
    const count = intOf(d.TableCount, 'TableCount', 0, 1_000_000);
    if (count !== undefined && count !== d.Tables.length)
      throw new Error(`TableCount is ${count} but "Tables" has ${d.Tables.length} entries`);
    const tables = d.Tables.map((raw, i): ExternalTable => {
      const t = (raw ?? {}) as Record<string, unknown>;
      const table = str(t.TableName);
      const schema = str(t.TableOwner);
      const where = `Tables[${i}]`;
      if (!table || !schema) throw new Error(`${where} needs TableName and TableOwner`);
      let path = str(t.TablePath) ?? `${schema}/${table}/`;
      if (!path.endsWith('/')) path += '/';
      if (path.split('/').some((s) => s === '..' || s === '.'))
        throw new Error(`${where} TablePath may not contain "." or ".." segments`);
      if (!Array.isArray(t.TableColumns) || t.TableColumns.length === 0)
        throw new Error(`${where} ("${schema}.${table}") needs a non-empty TableColumns array`);
      const columns = t.TableColumns.map((c, j) => column(c, `${where}.TableColumns[${j}]`));
      const total = intOf(t.TableColumnsTotal, `${where} TableColumnsTotal`, 0, 100_000);
      if (total !== undefined && total !== columns.length)
        throw new Error(
          `${where} TableColumnsTotal is ${total} but TableColumns has ${columns.length} entries`,
        );
      return { schema, table, path: path.replace(/^\/+/, ''), columns };
    });
    return { ok: true, value: tables };
  } catch (error) {
    return { ok: false, error: `ExternalTableDefinition: ${(error as Error).message}` };
  }
}

/** The column as a PostgreSQL type (the engine's type mapping reads it from there). */
export function postgresTypeOf(c: ExternalColumn): string {
  switch (c.type) {
    case 'INT1':
    case 'INT2':
    case 'UINT1':
      return 'smallint';
    case 'INT4':
    case 'UINT2':
      return 'integer';
    case 'INT8':
    case 'UINT4':
      return 'bigint';
    case 'UINT8':
      return 'numeric(20,0)';
    case 'NUMERIC':
      return `numeric(${c.precision},${c.scale ?? 0})`;
    case 'REAL4':
      return 'real';
    case 'REAL8':
      return 'double precision';
    case 'STRING':
    case 'WSTRING':
      return c.length ? `character varying(${c.length})` : 'text';
    case 'CLOB':
    case 'NCLOB':
      return 'text';
    case 'BYTE':
    case 'BLOB':
      return 'bytea';
    case 'DATE':
      return 'date';
    case 'TIME':
      return 'time without time zone';
    case 'DATETIME':
      return `timestamp(${Math.min(c.scale ?? 0, 6)}) without time zone`;
    case 'BOOLEAN':
      return 'boolean';
  }
}
