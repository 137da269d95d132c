// The source's change data capture prerequisites in words, as warnings for the Create DMS Task
// form (what DMS needs: docs of PostgreSQL and MySQL as a source). Pure.

export interface CdcFacts {
  family: 'postgres' | 'mysql';
  user?: string;
  /** PostgreSQL. */
  walLevel?: string;
  replicationPrivilege?: boolean;
  /** MySQL / MariaDB. */
  logBin?: boolean;
  binlogFormat?: string;
  binlogRowImage?: string;
  replicationSlave?: boolean;
  replicationClient?: boolean;
  /** Selected tables without a primary key ("schema.table"), the first few. */
  tablesWithoutKey: string[];
  tablesWithoutKeyCount: number;
}

const upper = (s: string | undefined) => (s ?? '').toUpperCase();

export function cdcWarnings(f: CdcFacts): string[] {
  const out: string[] = [];
  const who = f.user ? `user ${f.user}` : 'the user';
  if (f.family === 'postgres') {
    if (f.walLevel !== undefined && f.walLevel !== 'logical')
      out.push(
        `wal_level is ${f.walLevel}: CDC needs logical (ALTER SYSTEM SET wal_level = logical, then restart)`,
      );
    if (f.replicationPrivilege === false)
      out.push(`${who} has neither REPLICATION nor superuser: CDC needs one of them`);
  } else {
    if (f.logBin === false) out.push('log_bin is OFF: CDC reads the binary log (turn log_bin on)');
    if (f.binlogFormat !== undefined && upper(f.binlogFormat) !== 'ROW')
      out.push(`binlog_format is ${f.binlogFormat}: DMS needs ROW`);
    if (f.binlogRowImage !== undefined && upper(f.binlogRowImage) !== 'FULL')
      out.push(`binlog_row_image is ${f.binlogRowImage}: DMS needs FULL`);
    const missing = [
      f.replicationSlave === false ? 'REPLICATION SLAVE' : '',
      f.replicationClient === false ? 'REPLICATION CLIENT' : '',
    ].filter(Boolean);
    if (missing.length > 0)
      out.push(
        `${who} lacks ${missing.join(' and ')}: CDC needs ${missing.length === 1 ? 'it' : 'them'}`,
      );
  }
  const n = f.tablesWithoutKeyCount;
  if (n > 0) {
    const named = f.tablesWithoutKey.slice(0, 3).join(', ');
    const more = n > 3 ? ` and ${n - 3} more` : '';
    out.push(
      `${n} selected table${n === 1 ? ' has' : 's have'} no primary key (${named}${more}): DMS replicates only their inserts`,
    );
  }
  return out;
}
