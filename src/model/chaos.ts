// The sandbox's --chaos spec: "throttle=0.3,latency=50-800,reset=0.05,error5xx=0.02".
// Shares are probabilities 0..1 of a call being answered that way; latency is a delay range in
// milliseconds ("200" means exactly 200). Pure.

export interface ChaosSpec {
  /** Share answered 400 ThrottlingException "Rate exceeded". */
  throttle: number;
  /** Share whose connection is dropped without an answer. */
  reset: number;
  /** Share answered 500 InternalFailure / 503 ServiceUnavailable. */
  error5xx: number;
  latencyMinMs: number;
  latencyMaxMs: number;
}

export const NO_CHAOS: ChaosSpec = {
  throttle: 0,
  reset: 0,
  error5xx: 0,
  latencyMinMs: 0,
  latencyMaxMs: 0,
};

export type ChaosParse = { ok: true; value: ChaosSpec } | { ok: false; error: string };

export function parseChaos(text: string): ChaosParse {
  const spec: ChaosSpec = { ...NO_CHAOS };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: spec };
  for (const part of trimmed.split(',')) {
    const [rawKey, rawValue, ...rest] = part.split('=');
    const key = (rawKey ?? '').trim();
    const value = (rawValue ?? '').trim();
    if (rest.length > 0 || value === '')
      return { ok: false, error: `--chaos: expected key=value, got "${part.trim()}"` };
    if (key === 'latency') {
      const m = value.match(/^(\d+)(?:-(\d+))?$/);
      if (!m) return { ok: false, error: `--chaos: latency must be MS or MIN-MAX, got "${value}"` };
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : Number(m[2]);
      if (max < min) return { ok: false, error: `--chaos: latency ${value}: MAX is below MIN` };
      spec.latencyMinMs = min;
      spec.latencyMaxMs = max;
    } else if (key === 'throttle' || key === 'reset' || key === 'error5xx') {
      const share = Number(value);
      if (!/^\d*\.?\d+$/.test(value) || !(share >= 0 && share <= 1))
        return {
          ok: false,
          error: `--chaos: ${key} must be a share between 0 and 1, got "${value}"`,
        };
      spec[key] = share;
    } else {
      return {
        ok: false,
        error: `--chaos: unknown key "${key}" (use throttle, latency, reset, error5xx)`,
      };
    }
  }
  if (spec.throttle + spec.reset + spec.error5xx > 1)
    return { ok: false, error: '--chaos: throttle + reset + error5xx must not exceed 1' };
  return { ok: true, value: spec };
}

export type ChaosOutcome = 'throttle' | 'reset' | 'error5xx' | 'pass';

/** What happens to one call, given a uniform random number in [0, 1). */
export function chaosOutcome(spec: ChaosSpec, roll: number): ChaosOutcome {
  if (roll < spec.throttle) return 'throttle';
  if (roll < spec.throttle + spec.reset) return 'reset';
  if (roll < spec.throttle + spec.reset + spec.error5xx) return 'error5xx';
  return 'pass';
}

/** The delay for one call, given a uniform random number in [0, 1). */
export function chaosLatency(spec: ChaosSpec, roll: number): number {
  return Math.round(spec.latencyMinMs + (spec.latencyMaxMs - spec.latencyMinMs) * roll);
}
