// The one rule for where AWS calls go (src/model/targetRule.ts), over every kind of input:
// flags, environment, project, preferences, and whether the sandbox's URL is known yet; and the
// loopback check that keeps a sandbox target on this machine.
import { describe, expect, it } from 'vitest';
import {
  describeTarget,
  isLoopbackHost,
  isLoopbackUrl,
  sandboxRefusal,
} from '../../src/model/awsTarget.js';
import { resolveTarget, type TargetInputs } from '../../src/model/targetRule.js';

const SB = 'http://127.0.0.1:18590';
/** Everything the environment can say, all of it pointing away from the sandbox. */
const HOSTILE_ENV = {
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_REGION: 'eu-west-1',
  AWS_PROFILE: 'x',
  AWS_ENDPOINT_URL: 'http://198.51.100.1:9',
};
const demo = { name: 'demo', profile: 'sandbox' };
const shop = { name: 'shop', profile: 'prod', region: 'ap-south-1' };
const open = { name: 'open', profile: '' };

const sandboxAt = (url?: string) => ({ sandbox: true, endpointUrl: url, region: 'us-east-1' });

describe('resolveTarget', () => {
  const cases: [string, TargetInputs, object, boolean][] = [
    // [what, inputs, expected target, needs the sandbox started]
    [
      '--sandbox ignores the environment',
      { flags: { sandbox: true }, env: HOSTILE_ENV, sandboxUrl: SB },
      sandboxAt(SB),
      false,
    ],
    [
      '--sandbox before the sandbox runs',
      { flags: { sandbox: true }, env: HOSTILE_ENV },
      sandboxAt(undefined),
      true,
    ],
    [
      '--sandbox beats a real project',
      { flags: { sandbox: true }, project: shop, sandboxUrl: SB },
      sandboxAt(SB),
      false,
    ],
    [
      'a sandbox project ignores the environment',
      { env: HOSTILE_ENV, project: demo, sandboxUrl: SB },
      sandboxAt(SB),
      false,
    ],
    [
      'a sandbox project, sandbox not running yet',
      { env: HOSTILE_ENV, project: demo },
      sandboxAt(undefined),
      true,
    ],
    [
      'a sandbox project with --region stays in the sandbox',
      { flags: { region: 'eu-west-2' }, env: HOSTILE_ENV, project: demo, sandboxUrl: SB },
      sandboxAt(SB),
      false,
    ],
    [
      'a sandbox project beats remembered AWS preferences',
      {
        project: demo,
        preferences: { lastProfile: 'prod', lastRegion: 'eu-west-1' },
        sandboxUrl: SB,
      },
      sandboxAt(SB),
      false,
    ],
    [
      'no project: the remembered sandbox ignores the environment',
      { env: HOSTILE_ENV, preferences: { lastProfile: 'sandbox' }, sandboxUrl: SB },
      sandboxAt(SB),
      false,
    ],
    [
      '--profile leaves a sandbox project, the environment fills the rest',
      { flags: { profile: 'prod' }, env: HOSTILE_ENV, project: demo },
      { profile: 'prod', region: 'eu-west-1', endpointUrl: 'http://198.51.100.1:9' },
      false,
    ],
    [
      '--endpoint-url leaves a sandbox project',
      { flags: { endpointUrl: 'http://127.0.0.1:4566' }, project: demo },
      { profile: undefined, region: undefined, endpointUrl: 'http://127.0.0.1:4566' },
      false,
    ],
    [
      "a project's profile and region beat the environment",
      { env: HOSTILE_ENV, project: shop },
      { profile: 'prod', region: 'ap-south-1', endpointUrl: 'http://198.51.100.1:9' },
      false,
    ],
    [
      'flags beat the project',
      { flags: { profile: 'dev', region: 'us-west-2' }, env: HOSTILE_ENV, project: shop },
      { profile: 'dev', region: 'us-west-2', endpointUrl: 'http://198.51.100.1:9' },
      false,
    ],
    [
      'a default-chain project: the environment fills profile and region',
      { env: HOSTILE_ENV, project: open },
      { profile: 'x', region: 'eu-west-1', endpointUrl: 'http://198.51.100.1:9' },
      false,
    ],
    [
      'AWS_REGION before AWS_DEFAULT_REGION',
      { env: { AWS_DEFAULT_REGION: 'us-east-2', AWS_REGION: 'eu-north-1' } },
      { region: 'eu-north-1' },
      false,
    ],
    [
      'AWS_DEFAULT_REGION alone',
      { env: { AWS_DEFAULT_REGION: 'us-east-2' } },
      { region: 'us-east-2' },
      false,
    ],
    [
      'without a project, preferences beat the environment',
      { env: HOSTILE_ENV, preferences: { lastProfile: 'staging', lastRegion: 'eu-central-1' } },
      { profile: 'staging', region: 'eu-central-1' },
      false,
    ],
    [
      'empty values count as unset',
      { env: { AWS_PROFILE: ' ', AWS_REGION: '' }, preferences: { lastProfile: '' } },
      { profile: undefined, region: undefined, endpointUrl: undefined },
      false,
    ],
    [
      'nothing at all: the default chain, no region',
      {},
      { profile: undefined, region: undefined, endpointUrl: undefined },
      false,
    ],
  ];
  it.each(cases)('%s', (_what, inputs, target, needsSandbox) => {
    const resolved = resolveTarget(inputs);
    expect(resolved.target).toMatchObject(target);
    expect(resolved.needsSandbox).toBe(needsSandbox);
    expect(resolved.why).not.toBe('');
    if (resolved.target.sandbox) {
      expect(resolved.target.profile).toBeUndefined();
      expect(
        resolved.target.endpointUrl === undefined || isLoopbackUrl(resolved.target.endpointUrl),
      ).toBe(true);
    }
  });

  it('never lets the environment decide for a sandbox choice, whatever it holds', () => {
    const envs = [
      HOSTILE_ENV,
      { AWS_ENDPOINT_URL: 'https://dms.us-east-1.amazonaws.com' },
      { AWS_PROFILE: 'prod' },
    ];
    const choices: TargetInputs[] = [
      { flags: { sandbox: true } },
      { project: demo },
      { preferences: { lastProfile: 'sandbox' } },
    ];
    for (const env of envs)
      for (const choice of choices) {
        const { target } = resolveTarget({ ...choice, env, sandboxUrl: SB });
        expect(target).toEqual(sandboxAt(SB));
      }
  });

  it('says why, naming the flag, project, preference or variable that decided', () => {
    expect(resolveTarget({ env: HOSTILE_ENV, project: shop }).why).toBe(
      'AWS: profile prod (project shop), region ap-south-1 (project shop), endpoint http://198.51.100.1:9 (AWS_ENDPOINT_URL)',
    );
    expect(resolveTarget({ project: demo, sandboxUrl: SB }).why).toBe('the sandbox: project demo');
    const ignored = resolveTarget({
      flags: { region: 'eu-west-2' },
      project: demo,
      sandboxUrl: SB,
    });
    expect(ignored.note).toMatch(/--region ignored/);
    const left = resolveTarget({ flags: { profile: 'prod' }, project: demo });
    expect(left.note).toBe("the command line overrides project demo's sandbox");
    expect(left.why).toMatch(/profile prod \(--profile\)/);
  });

  it('reports a bad region or URL that the environment filled in, not one it did not use', () => {
    expect(resolveTarget({ env: { AWS_REGION: 'moon-1' } }).problem).toMatch(/AWS_REGION="moon-1"/);
    expect(resolveTarget({ env: { AWS_ENDPOINT_URL: 'ftp://x' } }).problem).toMatch(
      /AWS_ENDPOINT_URL/,
    );
    expect(resolveTarget({ env: { AWS_REGION: 'moon-1' }, project: demo }).problem).toBeUndefined();
    expect(resolveTarget({ env: { AWS_REGION: 'moon-1' }, project: shop }).problem).toBeUndefined();
  });
});

describe('the sandbox stays on this machine', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['198.51.100.1', false],
    ['127.0.0.1.nip.io', false],
    ['localhost.example.com', false],
    ['dms.us-east-1.amazonaws.com', false],
    ['0.0.0.0', false],
    ['1127.0.0.1', false],
  ])('isLoopbackHost(%s) is %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('refuses a sandbox target off loopback or without an address', () => {
    expect(sandboxRefusal(sandboxAt(SB))).toBeNull();
    expect(sandboxRefusal(sandboxAt('http://[::1]:9'))).toBeNull();
    expect(sandboxRefusal(sandboxAt('http://198.51.100.1:9'))).toMatch(/Refusing/);
    expect(sandboxRefusal(sandboxAt(undefined))).toMatch(/not running/);
    expect(sandboxRefusal({ profile: 'prod', endpointUrl: 'https://vpce.example.com' })).toBeNull();
  });

  it('describes the target plainly', () => {
    expect(describeTarget(sandboxAt(SB))).toBe(`sandbox · ${SB}`);
    expect(describeTarget({ profile: 'prod', region: 'eu-west-1', endpointUrl: 'https://v' })).toBe(
      'prod · eu-west-1 · https://v',
    );
    expect(describeTarget({})).toBe('default chain · no region');
  });
});
