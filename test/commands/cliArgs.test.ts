import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/commands/cliArgs.js';

describe('parseCli', () => {
  it('reads every flag', () => {
    expect(
      parseCli([
        '--profile',
        'prod',
        '--region',
        'eu-west-1',
        '--endpoint-url',
        'http://127.0.0.1:4566',
        '--read-only',
        '--refresh',
        '10',
      ]),
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

  it('keeps the flags apart from the environment (the target rule decides what AWS_* fills)', () => {
    expect(parseCli([])).toMatchObject({
      kind: 'tui',
      options: { profile: undefined, region: undefined, endpointUrl: undefined },
    });
    expect(parseCli(['--region', 'ap-south-1'])).toMatchObject({
      options: { region: 'ap-south-1' },
    });
  });

  it('answers --help and --version', () => {
    expect(parseCli(['--help'])).toEqual({ kind: 'help' });
    expect(parseCli(['-h'])).toEqual({ kind: 'help' });
    expect(parseCli(['--version'])).toEqual({ kind: 'version' });
  });

  it('hands subcommands their own arguments', () => {
    expect(parseCli(['sandbox', '--port', '9000'])).toEqual({
      kind: 'subcommand',
      name: 'sandbox',
      args: ['--port', '9000'],
    });
    expect(parseCli(['start', 'my-task', '--output', 'json'])).toEqual({
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
    const parsed = parseCli(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') {
      expect(parsed.message).toMatch(message);
      expect(parsed.message).not.toContain('\n');
    }
  });
});
