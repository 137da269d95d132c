// Resource tags through the AWS CLI: an endpoint created with --tags, a task tagged afterwards,
// list-tags-for-resource for one ARN and for several, a replaced value, a removed key, the
// errors DMS gives (an unknown ARN, a reserved aws: key), and tags kept across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCliFails } from '../support/awsCli.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { awsCliVersion, type CliSession, cliSession } from './support/cliSession.js';

let t: TestSandbox;
let aws: CliSession;
const home = mkdtempSync(join(tmpdir(), 'dmst-tags-cli-'));
const fails = (...args: string[]) => awsCliFails(t.url, home, args);

beforeAll(async () => {
  if (awsCliVersion === null) return;
  t = await startTestSandbox({ endpoints: true, fakeEngine: true });
  aws = cliSession(() => t.url);
}, 60_000);

afterAll(async () => {
  rmSync(home, { recursive: true, force: true });
  if (awsCliVersion === null) return;
  aws.cleanup();
  await t.close();
});

const tagsOf = async (...arns: string[]) =>
  (
    (await aws(
      'dms',
      'list-tags-for-resource',
      ...(arns.length === 1 ? ['--resource-arn', arns[0]!] : ['--resource-arn-list', ...arns]),
    )) as { TagList: { Key: string; Value: string; ResourceArn?: string }[] }
  ).TagList;

describe.skipIf(awsCliVersion === null)(
  `Resource tags through the AWS CLI (${awsCliVersion})`,
  () => {
    it('adds, lists, replaces and removes tags, and keeps them across a restart', async () => {
      const created = (await aws(
        'dms',
        'create-endpoint',
        '--endpoint-identifier',
        'tagged-endpoint',
        '--endpoint-type',
        'target',
        '--engine-name',
        'postgres',
        '--server-name',
        '127.0.0.1',
        '--port',
        '5432',
        '--database-name',
        'test',
        '--username',
        'postgres',
        '--tags',
        'Key=team,Value=data',
        'Key=dms-tui:agent-task,Value=sales',
      )) as { Endpoint: { EndpointArn: string } };
      const endpoint = created.Endpoint.EndpointArn;
      const task = await t.createTask('tagged-task');
      expect(await tagsOf(task)).toEqual([]);

      const addTags = (...tags: string[]) =>
        aws('dms', 'add-tags-to-resource', '--resource-arn', task, '--tags', ...tags);
      await addTags('Key=team,Value=ops', 'Key=dms-tui:agent-task,Value=sales');
      await addTags('Key=team,Value=data');
      expect(await tagsOf(task)).toEqual([
        { Key: 'team', Value: 'data', ResourceArn: task },
        { Key: 'dms-tui:agent-task', Value: 'sales', ResourceArn: task },
      ]);
      expect(await tagsOf(endpoint, task)).toHaveLength(4);

      await aws('dms', 'remove-tags-from-resource', '--resource-arn', task, '--tag-keys', 'team');
      expect((await tagsOf(task)).map((tag) => tag.Key)).toEqual(['dms-tui:agent-task']);

      const unknown = task.replace(/task:\w+$/, 'task:NOSUCHTASK');
      expect(await fails('dms', 'list-tags-for-resource', '--resource-arn', unknown)).toContain(
        'ResourceNotFoundFault',
      );
      expect(
        await fails(
          'dms',
          'add-tags-to-resource',
          '--resource-arn',
          task,
          '--tags',
          'Key=aws:owner,Value=x',
        ),
      ).toContain('InvalidParameterValueException');

      await t.restart();
      expect((await tagsOf(endpoint)).map((tag) => [tag.Key, tag.Value])).toEqual([
        ['team', 'data'],
        ['dms-tui:agent-task', 'sales'],
      ]);
    });
  },
);
