import { describe, expect, it } from 'vitest';
import { chaosLatency, chaosOutcome, NO_CHAOS, parseChaos } from '../../src/model/chaos.js';

describe('chaos spec', () => {
  it('parses the documented example', () => {
    expect(parseChaos('throttle=0.3,latency=50-800,reset=0.05,error5xx=0.02')).toEqual({
      ok: true,
      value: { throttle: 0.3, reset: 0.05, error5xx: 0.02, latencyMinMs: 50, latencyMaxMs: 800 },
    });
    expect(parseChaos('')).toEqual({ ok: true, value: NO_CHAOS });
    expect(parseChaos('latency=200')).toMatchObject({
      ok: true,
      value: { latencyMinMs: 200, latencyMaxMs: 200 },
    });
  });

  it.each([
    ['throttle', /expected key=value/],
    ['throttle=1.5', /between 0 and 1/],
    ['throttle=abc', /between 0 and 1/],
    ['latency=9-3', /MAX is below MIN/],
    ['latency=fast', /MS or MIN-MAX/],
    ['jitter=1', /unknown key "jitter"/],
    ['throttle=0.6,reset=0.6', /must not exceed 1/],
  ])('rejects %s', (spec, error) => {
    const r = parseChaos(spec);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('turns a roll into an outcome and a delay', () => {
    const spec = {
      ...NO_CHAOS,
      throttle: 0.3,
      reset: 0.1,
      error5xx: 0.1,
      latencyMinMs: 100,
      latencyMaxMs: 200,
    };
    expect(chaosOutcome(spec, 0.1)).toBe('throttle');
    expect(chaosOutcome(spec, 0.35)).toBe('reset');
    expect(chaosOutcome(spec, 0.45)).toBe('error5xx');
    expect(chaosOutcome(spec, 0.5)).toBe('pass');
    expect(chaosOutcome(NO_CHAOS, 0)).toBe('pass');
    expect(chaosLatency(spec, 0)).toBe(100);
    expect(chaosLatency(spec, 0.5)).toBe(150);
  });
});
