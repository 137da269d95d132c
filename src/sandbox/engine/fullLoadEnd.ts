// How a full load ends, the same for database and S3 sources: the task-log line and the
// outcome the runner acts on, once every subtask has returned.
import type { FullLoadJob, FullLoadOutcome } from './types.js';

type EndingJob = Pick<FullLoadJob, 'log' | 'signal'>;

/** A fatal error: logged as the task manager's error line, and the task fails with it. */
export function failFullLoad(job: EndingJob, message: string): FullLoadOutcome {
  job.log('TASK_MANAGER', 'E', message, 'replicationtask.c:2883');
  return { kind: 'failed', message };
}

/** After the subtasks: failed (a fatal error), stopped (aborted) or completed (with the
 *  number of tables that failed and were suspended). */
export function endFullLoad(
  job: EndingJob,
  fatal: string | undefined,
  errored: number,
): FullLoadOutcome {
  if (fatal !== undefined) return failFullLoad(job, fatal);
  if (job.signal.aborted) {
    job.log(
      'TASK_MANAGER',
      'I',
      'Full load was stopped before all tables were loaded',
      'replicationtask.c:3131',
    );
    return { kind: 'stopped' };
  }
  job.log(
    'TASK_MANAGER',
    'I',
    errored > 0
      ? `All tables are loaded; ${errored} table(s) failed and were suspended`
      : 'All tables are loaded',
    'replicationtask.c:3210',
  );
  return { kind: 'completed' };
}
