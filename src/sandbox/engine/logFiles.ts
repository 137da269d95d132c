// Source-file suffixes for task-log lines, as real DMS prints them ("(file.c:123)").
import type { Family } from '../../db/loadPlan.js';

export function sourceFile(family: Family, line: number): string {
  return `${family === 'postgres' ? 'postgres_endpoint_unload' : 'mysql_endpoint_unload'}.c:${line}`;
}

export function targetFile(family: Family, line: number): string {
  return `${family === 'postgres' ? 'postgres_endpoint_imp' : 'mysql_endpoint_imp'}.c:${line}`;
}
