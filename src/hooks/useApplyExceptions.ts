// A CDC task's apply exceptions, read from the target's awsdms_apply_exceptions through the
// open project's target connection (DMS's API has no count of them), polled with the table
// statistics. Nothing without a project target connection.
import { useCallback } from 'react';
import { readApplyExceptions } from '../db/applyExceptions.js';
import type { ApplyExceptions } from '../model/applyExceptions.js';
import { useServices } from '../ui/services.js';
import { type PollingApi, usePolling } from './usePolling.js';
import { sourceKey } from './useSourceCheck.js';

export function useApplyExceptions(options: {
  taskArn: string;
  enabled: boolean;
}): PollingApi<ApplyExceptions> | null {
  const services = useServices();
  const target = services.project?.target;
  const active = options.enabled && !!target;
  const fetch = useCallback(async () => {
    if (!target) throw new Error('no target connection');
    return readApplyExceptions(target, options.taskArn);
  }, [target, options.taskArn]);
  const polling = usePolling({
    fetch,
    intervalMs: services.refreshSeconds * 1000,
    active,
    resetKey: `${target ? sourceKey(target) : ''}|${options.taskArn}`,
  });
  return active ? polling : null;
}
