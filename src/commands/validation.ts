// `dms-tui validation TASK [--output json]`: each table's data validation state and counts, and
// an exit code a cut-over script can gate on: 1 when any table is mismatched, suspended or in
// error, 0 otherwise.
import type { AwsClients } from '../aws/clients.js';
import { listTableStats } from '../aws/tableStats.js';
import { findTask } from '../aws/tasks.js';
import { blocksCutover, validationRows, validationSummary } from '../model/validationReport.js';
import { jsonText, textTable } from './format.js';
import { type CommandIo, EXIT, type ParsedCommand } from './io.js';

export async function runValidation(
  clients: AwsClients,
  command: ParsedCommand,
  io: CommandIo,
): Promise<number> {
  const task = await findTask(clients, command.tasks[0] ?? '');
  const { tables } = await listTableStats(clients, task.arn);
  const rows = validationRows(tables);
  const blocked = rows.filter((r) => blocksCutover(r.state));
  if (command.output === 'json') {
    io.stdout(jsonText({ task: task.id, tables: rows, ok: blocked.length === 0 }));
  } else {
    io.stdout(
      textTable(
        ['SCHEMA', 'TABLE', 'VALIDATION', 'PENDING', 'FAILED', 'SUSPENDED', 'DETAILS'],
        rows.map((r) => [
          r.schema,
          r.table,
          r.state,
          String(r.pending),
          String(r.failed),
          String(r.suspended),
          r.details || '-',
        ]),
      ),
    );
    io.stdout(`${task.id}: ${validationSummary(rows)}\n`);
  }
  if (blocked.length > 0) {
    io.stderr(
      `dms-tui validation: ${blocked.length} table(s) not equal to the source: ${blocked
        .map((r) => `${r.schema}.${r.table} (${r.state})`)
        .join(', ')}\n`,
    );
    return EXIT.refused;
  }
  return EXIT.ok;
}
