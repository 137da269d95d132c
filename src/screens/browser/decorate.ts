// How a schema-browser row looks: marks, estimates, column flags, and "missing in target".
import type { RowDecoration } from '../../components/Tree.js';
import { bytesText, rowsText } from '../../model/catalog.js';
import { presenceIn, type TargetIndex, type TreeRow } from '../../model/schemaTree.js';

export interface DecorateContext {
  side: 'source' | 'target';
  marks: ReadonlySet<string>;
  /** Set on the source side when a target connection exists. */
  target?: TargetIndex;
  serverVersion?: string;
  /** The pane's width: a narrow pane shows less beside each name. */
  width?: number;
}

export function decorateRow(row: TreeRow, ctx: DecorateContext): RowDecoration {
  const marked = ctx.marks.has(row.id);
  const marker =
    ctx.side === 'source' && (row.kind === 'schema' || row.kind === 'table' || row.kind === 'view')
      ? marked
        ? '◉ '
        : '○ '
      : undefined;
  switch (row.kind) {
    case 'database':
      return { labelColor: 'cyan', suffix: ctx.serverVersion?.split(' (')[0] };
    case 'schema': {
      const count = row.schemaInfo?.tableCount;
      const missing =
        ctx.target?.schemas && row.schema && !ctx.target.schemas.has(row.schema.toLowerCase());
      // A schema whose tables were loaded with F (a server-side name filter) says so.
      const serverFilter = row.serverFilter ? `F "${row.serverFilter}" · ` : '';
      return {
        marker,
        markerColor: marked ? 'green' : 'gray',
        labelColor: 'blue',
        suffix: missing
          ? `${serverFilter}schema missing in target`
          : count === null || count === undefined
            ? serverFilter || undefined
            : `${serverFilter}${count.toLocaleString('en-US')} tables`,
        suffixColor: missing ? 'red' : row.serverFilter ? 'yellow' : undefined,
      };
    }
    case 'table':
    case 'view': {
      const table = row.table!;
      const presence =
        ctx.target && row.schema ? presenceIn(ctx.target, row.schema, table.name) : undefined;
      const missing = presence === 'missing' || presence === 'schemaMissing';
      // The size matters most before migrating: a missing table keeps it (and its rows when the
      // pane has room; in a pane of an 80-column terminal "missing" says the rest, beside the
      // schema's "schema missing in target"); "~" marks a guess for a table never analysed.
      const rows = `${table.neverAnalyzed ? '~' : ''}${rowsText(table.estimatedRows)} rows`;
      const size = bytesText(table.sizeBytes);
      const estimate =
        row.kind === 'view' ? 'view' : missing && (ctx.width ?? 80) < 60 ? size : `${rows} ${size}`;
      return {
        marker,
        markerColor: marked ? 'green' : 'gray',
        labelColor: row.kind === 'view' ? 'magenta' : undefined,
        suffix: missing
          ? `${estimate} · ${(ctx.width ?? 80) < 45 ? 'missing' : 'missing in target'}`
          : presence === 'unknown'
            ? `${estimate} …`
            : estimate,
        suffixColor: missing ? 'red' : undefined,
      };
    }
    case 'column': {
      const c = row.column!;
      const flags = [
        c.primaryKey ? 'PK' : '',
        c.foreignKey ? 'FK' : '',
        c.lob ? 'LOB' : '',
        c.nullable ? 'null' : 'not null',
      ]
        .filter(Boolean)
        .join(' ');
      return { suffix: `${c.dataType} ${flags}`, labelColor: c.primaryKey ? 'yellow' : undefined };
    }
    case 'loading':
    case 'empty':
      return { dim: true };
    case 'error':
      return { labelColor: 'red' };
    case 'more':
      return { labelColor: 'yellow' };
  }
}
