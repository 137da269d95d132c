// The task details screen's lines and JSON, from a captured DescribeReplicationTasks fixture.
import { describe, expect, it } from 'vitest';
import { NO_NAMES, type Task } from '../../src/model/task.js';
import { taskDetailsView, taskJson } from '../../src/model/taskDetailsView.js';
import { includeTables } from '../support/mappings.js';

const task: Task = {
  id: 'orders-load',
  arn: 'arn:aws:dms:us-east-1:1:task:ABC',
  status: 'failed',
  migrationType: 'full-load',
  sourceEndpointArn: 'arn:aws:dms:us-east-1:1:endpoint:SRC',
  targetEndpointArn: 'arn:aws:dms:us-east-1:1:endpoint:TGT',
  instanceArn: 'arn:aws:dms:us-east-1:1:rep:INST',
  lastFailureMessage: 'Last Error Table error. Stop Reason FATAL_ERROR',
  settings: JSON.stringify({
    Logging: { EnableLogging: true },
    TargetMetadata: { SupportLobs: true, LimitedSizeLobMode: true, LobMaxSize: 32 },
  }),
  tableMappings: includeTables('sales'),
};

describe('task details view', () => {
  it('labels each value, words the settings, then lists the mappings under a title', () => {
    const lines = taskDetailsView(task, NO_NAMES);
    const texts = lines.map((l) => l.text);
    expect(texts).toContainEqual(expect.stringMatching(/^Task\s+orders-load$/));
    expect(texts).toContainEqual(expect.stringMatching(/^Logging\s+CloudWatch logging on/));
    expect(texts).toContainEqual(expect.stringMatching(/^LOB columns\s+Limited LOB mode/));
    expect(lines.some((l) => l.bad)).toBe(true);
    const title = lines.findIndex((l) => l.title);
    expect(lines[title]?.text).toBe('Table mappings');
    expect(lines[title - 1]?.text).toBe('');
    expect(lines[title + 1]?.text).toBe('  1. Include sales.%');
  });

  it('shows settings and mappings as parsed JSON, or as text when they do not parse', () => {
    const json = taskJson(task);
    expect(json.ReplicationTaskSettings).toMatchObject({ Logging: { EnableLogging: true } });
    expect(json.settings).toBeUndefined();
    // The DMS API's field names, the app's reading under DmsTui.
    expect(json).toMatchObject({
      ReplicationTaskIdentifier: 'orders-load',
      ReplicationTaskArn: task.arn,
    });
    expect(json.id).toBeUndefined();
    expect(json.DmsTui).toMatchObject({ reading: expect.any(String) });
    expect(taskJson({ ...task, tableMappings: '{bad' }).TableMappings).toBe('{bad');
  });
});
