import { describe, expect, it } from 'vitest';
import { NO_NAMES, type TaskNames } from '../../src/model/task.js';
import { tableStatsRoute, taskDetailsRoute, taskLogRoute } from '../../src/model/taskRoutes.js';

const task = {
  arn: 'arn:aws:dms:us-east-1:123456789012:task:ABCDEF',
  id: 'orders-load',
  instanceArn: 'arn:aws:dms:us-east-1:123456789012:rep:XYZ',
  status: 'running',
};

describe('routes from a task', () => {
  it('opens details, or its JSON', () => {
    expect(taskDetailsRoute(task)).toEqual({
      screen: 'taskDetails',
      params: { arn: task.arn, id: 'orders-load' },
    });
    expect(taskDetailsRoute(task, { json: true }).params).toEqual({
      arn: task.arn,
      id: 'orders-load',
      json: true,
    });
  });

  it('opens table statistics, with the change counts for a task that captures changes', () => {
    expect(tableStatsRoute({ ...task, migrationType: 'full-load' })).toEqual({
      screen: 'tableStats',
      params: { arn: task.arn, id: 'orders-load' },
    });
    expect(tableStatsRoute({ ...task, migrationType: 'full-load-and-cdc' }).params).toEqual({
      arn: task.arn,
      id: 'orders-load',
      cdc: true,
    });
  });

  it("opens the log in the instance's group and the task's stream", () => {
    const names: TaskNames = {
      endpoints: new Map(),
      instances: new Map([
        [
          task.instanceArn,
          { arn: task.instanceArn, identifier: 'sandbox', instanceClass: '', status: 'available' },
        ],
      ]),
    };
    expect(taskLogRoute(task, names)).toEqual({
      screen: 'logs',
      params: {
        arn: task.arn,
        id: 'orders-load',
        group: 'dms-tasks-sandbox',
        stream: 'dms-task-ABCDEF',
        status: 'running',
      },
    });
    // Without the instance's name, the last part of its ARN.
    expect(taskLogRoute(task, NO_NAMES).params.group).toBe('dms-tasks-XYZ');
  });
});
