// A small schema language for the JSON files the app reads: strings with lengths, numbers with
// ranges, enums, objects, records and lists. `check` says in one line what is wrong and where
// (`projects["x"].source.port must be a whole number from 1 to 65535 (it is 0)`); `fit` cuts
// over-long strings to their limit before a value is written. Pure, and cheap to load (no ajv).

export interface Schema<T> {
  /** null when `value` is valid; else one line naming the place (`at`) and what is wrong. */
  check(value: unknown, at: string): string | null;
  /** The value with every string cut to its maximum length (other limits are left to check). */
  fit(value: T): T;
}

/** A member an object may leave out. */
export interface Optional<T> extends Schema<T> {
  readonly optional: true;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Record<string, Schema<unknown>>;
type RequiredKeys<S extends Shape> = {
  [K in keyof S]: S[K] extends Optional<unknown> ? never : K;
}[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
};

/** A key or text from a file as it may appear in a message: quoted, controls made visible. */
export function quoted(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(short).replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** C0 and C1 controls, and the bidirectional overrides and isolates. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Text of at most `max` characters. `min: 1` means "required": blank text is refused.
 * `plain` refuses control characters (for host names, profiles, regions, dates).
 */
export function string(limits: { max: number; min?: number; plain?: boolean }): Schema<string> {
  const min = limits.min ?? 0;
  return {
    check(value, at) {
      if (typeof value !== 'string') return `${at} must be text, not ${typeName(value)}`;
      if (value.length > limits.max)
        return `${at} is too long (${value.length} characters; at most ${limits.max})`;
      if (value.trim().length < min)
        return min === 1 ? `${at} is empty` : `${at} must have at least ${min} characters`;
      if (limits.plain && CONTROLS.test(value)) return `${at} contains a control character`;
      return null;
    },
    fit: (value) => (value.length > limits.max ? value.slice(0, limits.max) : value),
  };
}

export function number(limits: { min: number; max: number; integer?: boolean }): Schema<number> {
  const what = `${limits.integer ? 'a whole number' : 'a number'} from ${limits.min} to ${limits.max}`;
  return {
    check(value, at) {
      if (typeof value !== 'number') return `${at} must be ${what}, not ${typeName(value)}`;
      const whole = !limits.integer || Number.isInteger(value);
      if (!Number.isFinite(value) || !whole || value < limits.min || value > limits.max)
        return `${at} must be ${what} (it is ${value})`;
      return null;
    },
    fit: (value) => value,
  };
}

export const boolean: Schema<boolean> = {
  check: (value, at) =>
    typeof value === 'boolean' ? null : `${at} must be true or false, not ${typeName(value)}`,
  fit: (value) => value,
};

export function oneOf<const V extends string>(values: readonly V[]): Schema<V> {
  return {
    check: (value, at) =>
      typeof value === 'string' && (values as readonly string[]).includes(value)
        ? null
        : `${at} must be one of ${values.join(', ')}${typeof value === 'string' ? ` (it is ${quoted(value, 20)})` : `, not ${typeName(value)}`}`,
    fit: (value) => value,
  };
}

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return {
    check: (value, at) => (value === null ? null : schema.check(value, at)),
    fit: (value) => (value === null ? null : schema.fit(value)),
  };
}

export function optional<T>(schema: Schema<T>): Optional<T> {
  return { optional: true, check: schema.check, fit: schema.fit };
}

/**
 * An object with these members. Members not named are kept as they are (a newer version's file
 * still opens). `rule` checks what involves several members; it sees a value whose members are
 * already valid.
 */
export function object<S extends Shape>(
  shape: S,
  rule?: (value: ObjectOf<S>, at: string) => string | null,
): Schema<ObjectOf<S>> {
  const entries = Object.entries(shape);
  return {
    check(value, at) {
      if (!isObject(value)) return `${at || 'the file'} must be an object, not ${typeName(value)}`;
      for (const [key, member] of entries) {
        const where = at ? `${at}.${key}` : key;
        if (value[key] === undefined) {
          if ('optional' in member) continue;
          return `${where} is missing`;
        }
        const error = member.check(value[key], where);
        if (error) return error;
      }
      return rule ? rule(value as ObjectOf<S>, at) : null;
    },
    fit(value) {
      const out: Record<string, unknown> = { ...value };
      for (const [key, member] of entries)
        if (out[key] !== undefined) out[key] = member.fit(out[key]);
      return out as ObjectOf<S>;
    },
  };
}

/**
 * An object used as a map: at most `maxKeys` keys, each checked by `key`, each value by `value`,
 * then each pair by `entry` (e.g. a project stored under its own name).
 */
export function record<T>(
  value: Schema<T>,
  limits: {
    maxKeys: number;
    key?: (key: string) => string | null;
    entry?: (key: string, value: T) => string | null;
  },
): Schema<Record<string, T>> {
  return {
    check(input, at) {
      if (!isObject(input)) return `${at || 'the file'} must be an object, not ${typeName(input)}`;
      const keys = Object.keys(input);
      if (keys.length > limits.maxKeys)
        return `${at} has too many entries (${keys.length}; at most ${limits.maxKeys})`;
      for (const key of keys) {
        const where = `${at}[${quoted(key)}]`;
        const keyError = limits.key?.(key);
        if (keyError) return `${where}: ${keyError}`;
        const error = value.check(input[key], where) ?? limits.entry?.(key, input[key] as T);
        if (error) return error.startsWith(where) ? error : `${where}: ${error}`;
      }
      return null;
    },
    fit: (input) =>
      Object.fromEntries(Object.entries(input).map(([key, item]) => [key, value.fit(item)])),
  };
}

export function array<T>(item: Schema<T>, limits: { max: number }): Schema<T[]> {
  return {
    check(value, at) {
      if (!Array.isArray(value)) return `${at} must be a list, not ${typeName(value)}`;
      if (value.length > limits.max)
        return `${at} has too many items (${value.length}; at most ${limits.max})`;
      for (let i = 0; i < value.length; i++) {
        const error = item.check(value[i], `${at}[${i}]`);
        if (error) return error;
      }
      return null;
    },
    fit: (value) => value.map((v) => item.fit(v)),
  };
}
