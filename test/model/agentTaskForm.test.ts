import { describe, expect, it } from 'vitest';
import {
  agentDraftErrors,
  cycleFormat,
  initialAgentDraft,
  specFromDraft,
} from '../../src/model/agentTaskForm.js';

const rows = [{ action: 'include' as const, schema: 'sales', table: 'order%' }];
const source = {
  engine: 'postgres' as const,
  host: 'h',
  port: 5432,
  database: 'd',
  user: 'u',
  password: 'secret',
  sslMode: 'none' as const,
};

describe('the Create agent task form', () => {
  it('starts from the selection, with a valid name and the project’s instance', () => {
    const draft = initialAgentDraft(rows, 'ri-1');
    expect(draft).toMatchObject({
      name: 'sales-order',
      folder: 'sales-order',
      instance: 'ri-1',
      format: 'csv.gz',
    });
    // A name must start with a letter; the DMS task and endpoint add the agent- prefix.
    expect(initialAgentDraft([{ action: 'include', schema: '_x', table: '%' }]).name).toBe('x');
    expect(initialAgentDraft([{ action: 'include', schema: '1st', table: '%' }]).name).toBe(
      'copy-1st',
    );
    expect(cycleFormat('csv.gz', 1)).toBe('csv');
    expect(cycleFormat('csv.gz', -1)).toBe('parquet');
  });

  it('requires the role ARN on AWS only, and says what each field wants', () => {
    const draft = { ...initialAgentDraft(rows), targetEndpoint: 'tgt', instance: 'ri' };
    expect(agentDraftErrors(draft, { sandbox: true })).toEqual({});
    expect(agentDraftErrors(draft, { region: 'eu-west-1' }).roleArn).toMatch(/IAM role ARN/);
    const bad = agentDraftErrors(
      { ...draft, bucket: 'Bad_Bucket', folder: '/x', parallel: '0', name: '9' },
      { sandbox: true },
    );
    expect(Object.keys(bad).sort()).toEqual(['bucket', 'folder', 'name', 'parallel']);
  });

  it('makes a spec without the password', () => {
    const draft = { ...initialAgentDraft(rows), targetEndpoint: ' tgt ', instance: 'ri' };
    const spec = specFromDraft(
      draft,
      source,
      'p',
      [...rows, { action: 'exclude', schema: 'sales', table: 'order_log' }],
      { sandbox: true },
    );
    expect(spec).toMatchObject({
      project: 'p',
      targetEndpoint: 'tgt',
      select: ['sales.order%', '!sales.order_log'],
      parallel: 4,
    });
    expect(JSON.stringify(spec)).not.toContain('secret');
  });
});
