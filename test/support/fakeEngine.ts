// A stand-in for the sandbox's full-load engine, for hook, screen and command tests: the test
// decides when a load finishes ('complete' at once, 'hold' until released or stopped, 'fail'),
// and it writes a few log lines like the real one.
import type { FullLoadJob, FullLoadOutcome, RunFullLoad } from '../../src/sandbox/engine/types.js';

/** A stand-in engine: reports its tables, loads them at once ('complete') or holds them until
 *  released or stopped ('hold'), and writes a few log lines like the real one. */
export class FakeEngine {
  mode: 'complete' | 'hold' | 'fail' = 'complete';
  tables = [
    { schema: 'public', table: 'orders' },
    { schema: 'public', table: 'customers' },
  ];
  rows = 42;
  private waiting = new Set<() => void>();

  release(): void {
    for (const w of this.waiting) w();
    this.waiting.clear();
  }

  readonly run: RunFullLoad = async (job: FullLoadJob): Promise<FullLoadOutcome> => {
    const tables = this.tables.filter((t) => !job.skipTables?.has(`${t.schema}.${t.table}`));
    job.onTables(tables);
    job.log('TABLES_MANAGER', 'I', `${tables.length} tables to load`, 'tables.c:1');
    if (this.mode === 'fail') return { kind: 'failed', message: 'Cannot connect to the source' };
    const [first, ...rest] = tables;
    if (first)
      job.onTableUpdate({
        ...first,
        state: 'Full load',
        fullLoadRows: 1,
        errorRows: 0,
        startTime: new Date(),
      });
    if (this.mode === 'hold') {
      await new Promise<void>((resolve) => {
        this.waiting.add(resolve);
        job.signal.addEventListener('abort', () => resolve(), { once: true });
      });
      if (job.signal.aborted) return { kind: 'stopped' };
    }
    for (const t of first ? [first, ...rest] : rest) {
      job.onTableUpdate({
        ...t,
        state: 'Table completed',
        fullLoadRows: this.rows,
        errorRows: 0,
        endTime: new Date(),
      });
      job.log(
        'TARGET_LOAD',
        'I',
        `Load finished for table '${t.schema}'.'${t.table}' (${this.rows} rows)`,
        'load.c:2',
      );
    }
    job.log('SOURCE_UNLOAD', 'W', 'A warning line for the colours test', 'unload.c:3');
    return { kind: 'completed' };
  };
}
