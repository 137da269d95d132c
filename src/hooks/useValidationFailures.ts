// One table's data validation failures, read from awsdms_validation_failures_v1 through the
// open project's target connection and polled while the screen is visible; and whether that
// connection is the task's target endpoint (from the task and its endpoints, polled alike).
import { useCallback } from 'react';
import { readValidationFailures } from '../db/validationFailures.js';
import { arnResource } from '../model/task.js';
import {
  connectionMismatch,
  FAILURES_SHOWN,
  type ValidationFailures,
} from '../model/validationFailures.js';
import { useServices } from '../ui/services.js';
import { type PollingApi, usePolling } from './usePolling.js';
import { sourceKey } from './useSourceCheck.js';
import { type TaskDetailsData, useTaskDetails } from './useTaskDetails.js';

export interface ValidationFailuresState {
  failures: PollingApi<ValidationFailures>;
  task: PollingApi<TaskDetailsData>;
  /** Why the failures cannot be read (no project target connection), or null. */
  unreadable: string | null;
  /** The project's target connection is not the task's target endpoint (one line), or null. */
  mismatch: string | null;
}

export function useValidationFailures(options: {
  arn: string;
  schema: string;
  table: string;
}): ValidationFailuresState {
  const services = useServices();
  const target = services.project?.target ?? null;
  const task = useTaskDetails({ arn: options.arn });
  const fetch = useCallback(async () => {
    if (!target) throw new Error('no target connection');
    return readValidationFailures(target, {
      taskName: arnResource(options.arn),
      table: { schema: options.schema, table: options.table },
      limit: FAILURES_SHOWN,
    });
  }, [target, options.arn, options.schema, options.table]);
  const failures = usePolling({
    fetch,
    intervalMs: services.refreshSeconds * 1000,
    active: !!target,
    resetKey: `${target ? sourceKey(target) : ''}|${options.arn}|${options.schema}.${options.table}`,
  });
  const details = task.data;
  const endpoint = details?.names.endpoints.get(details.task.targetEndpointArn);
  return {
    failures,
    task,
    unreadable: target ? null : connectionMismatch('target', undefined, target),
    mismatch: target && details ? connectionMismatch('target', endpoint, target) : null,
  };
}
