import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/commands/cliArgs.js';

const noEnv = {};

describe('parseCli', () => {
  it('reads every flag', () => {
    expect(
      parseCli(
        [
          '--profile',
          'prod',
          '--region',
          'eu-west-1',
          '--endpoint-url',
          'http://127.0.0.1:4566',
          '--read-only',
          '--refresh',
          '10',
        ],
        noEnv,
      ),
    ).toEqual({
      kind: 'tui',
      options: {
        profile: 'prod',
        region: 'eu-west-1',
        endpointUrl: 'http://127.0.0.1:4566',
        readOnly: true,
        refreshSeconds: 10,
        sandbox: false,
        project: undefined,
      },
    });
  });

  it('falls back to AWS_PROFILE, AWS_REGION, AWS_DEFAULT_REGION and AWS_ENDPOINT_URL', () => {
    const parsed = parseCli([], {
      AWS_PROFILE: 'dev',
      AWS_DEFAULT_REGION: 'us-west-2',
      AWS_ENDPOINT_URL: 'https://vpce.example.com',
    });
    expect(parsed).toMatchObject({
      kind: 'tui',
      options: { profile: 'dev', region: 'us-west-2', endpointUrl: 'https://vpce.example.com' },
    });
    expect(parseCli(['--region', 'ap-south-1'], { AWS_REGION: 'us-east-1' })).toMatchObject({
      options: { region: 'ap-south-1' },
    });
  });

  it('answers --help and --version', () => {
    expect(parseCli(['--help'], noEnv)).toEqual({ kind: 'help' });
    expect(parseCli(['-h'], noEnv)).toEqual({ kind: 'help' });
    expect(parseCli(['--version'], noEnv)).toEqual({ kind: 'version' });
  });

  it('hands subcommands their own arguments', () => {
    expect(parseCli(['sandbox', '--port', '9000'], noEnv)).toEqual({
      kind: 'subcommand',
      name: 'sandbox',
      args: ['--port', '9000'],
    });
    expect(parseCli(['start', 'my-task', '--output', 'json'], noEnv)).toEqual({
      kind: 'subcommand',
      name: 'start',
      args: ['my-task', '--output', 'json'],
    });
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--region'], /--region needs a value|argument missing/],
    [['--region', 'moon-1'], /"moon-1" is not an AWS region/],
    [['--endpoint-url', 'not a url'], /is not a URL/],
    [['--endpoint-url', 'ftp://x'], /must be http/],
    [['--refresh', '0'], /--refresh takes seconds between 1 and 3600/],
    [['--refresh', 'abc'], /--refresh takes seconds/],
    [['--refresh', '99999'], /--refresh takes seconds/],
    [['--profile', ''], /--profile needs a profile name/],
    [['--sandbox', '--profile', 'prod'], /cannot be combined/],
    [['frobnicate'], /Unknown command "frobnicate"/],
  ])('rejects %j with one clear line', (argv, message) => {
    const parsed = parseCli(argv, noEnv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') {
      expect(parsed.message).toMatch(message);
      expect(parsed.message).not.toContain('\n');
    }
  });
});
