import { describe, expect, it } from 'vitest';
import {
  BADGE_STATS_PER_TICK,
  badgePlan,
  validationEnabled,
} from '../../src/model/validationBadges.js';

const task = (arn: string, status = 'running') => ({ arn, status });

describe('badgePlan', () => {
  it('asks for the settings of tasks not seen yet, never for a task being modified', () => {
    const plan = badgePlan(
      [task('a'), task('b', 'modifying'), task('c')],
      new Map([['c', false]]),
      new Map(),
    );
    expect(plan).toEqual({ settings: ['a'], stats: [] });
  });

  it('reads statistics only for tasks with validation on that can have moved', () => {
    const validation = new Map([
      ['new', true],
      ['run', true],
      ['same', true],
      ['changed', true],
      ['off', false],
    ]);
    const badges = new Map([
      ['run', { status: 'running', badge: 'validating 1 table' }],
      ['same', { status: 'stopped', badge: 'Validated' }],
      ['changed', { status: 'running', badge: 'validating 1 table' }],
    ]);
    const plan = badgePlan(
      [
        task('off'),
        task('new', 'stopped'),
        task('run'),
        task('same', 'stopped'),
        task('changed', 'stopped'),
      ],
      validation,
      badges,
    );
    expect(plan.stats).toEqual(['new', 'run', 'changed']);
  });

  it('reads at most a few per tick, those never read first', () => {
    const tasks = Array.from({ length: 12 }, (_, i) => task(`t${i}`));
    const validation = new Map(tasks.map((t) => [t.arn, true]));
    const badges = new Map([['t0', { status: 'running' }]]);
    const plan = badgePlan(tasks, validation, badges);
    expect(plan.stats).toHaveLength(BADGE_STATS_PER_TICK);
    expect(plan.stats).not.toContain('t0');
  });
});

describe('validationEnabled', () => {
  it.each([
    ['{"ValidationSettings":{"EnableValidation":true}}', true],
    ['{"ValidationSettings":{"ValidationOnly":true}}', true],
    ['{"ValidationSettings":{"EnableValidation":false}}', false],
    ['{}', false],
    ['not json', false],
    [undefined, false],
  ])('%s → %s', (settings, enabled) => {
    expect(validationEnabled(settings)).toBe(enabled);
  });
});
