// Checks a request body against the input shape from the botocore model (shapes.json): a
// missing required member, a null item in a list or map, or a value out of its length/range
// limits (the model's, or limits.ts where the model has none) is answered with the service's
// validation error and a Coral-style message; a member of the wrong JSON type, an integer out
// of its Java range or an unreadable timestamp is a SerializationException, as the real
// services' deserializers answer. Handlers only ever see bodies that passed, without nulls.
import shapes from './shapes.json' with { type: 'json' };
import { ApiError } from './errors.js';
import { INT32, maxStringLength, SECRET_SHAPES } from './limits.js';

/** A shape of the botocore model as shapes.json keeps it (type, members, list item, limits). */
export interface Shape {
  t: string;
  r?: string[];
  m?: Record<string, string>;
  e?: string;
  v?: string;
  min?: number;
  max?: number;
}

export type Service = 'dms' | 'logs' | 'cloudwatch';

const MODELS = shapes as unknown as Record<
  Service,
  { operations: Record<string, string | null>; shapes: Record<string, Shape> }
>;

/** Error code for validation failures: DMS answers InvalidParameterValueException, Logs
 *  InvalidParameterException, CloudWatch (awsQuery codes) ValidationError. */
const VALIDATION_CODE: Record<Service, string> = {
  dms: 'InvalidParameterValueException',
  logs: 'InvalidParameterException',
  cloudwatch: 'ValidationError',
};

/** The input shape of an operation and every shape of its service's model. */
export function inputModel(
  service: Service,
  operation: string,
): { input: string | null; shapes: Record<string, Shape> } {
  const model = MODELS[service];
  return { input: model.operations[operation] ?? null, shapes: model.shapes };
}

export function knownOperation(service: Service, operation: string): boolean {
  return Object.hasOwn(MODELS[service].operations, operation);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function validateInput(service: Service, operation: string, body: unknown): void {
  const model = MODELS[service];
  const inputShape = model.operations[operation];
  if (!inputShape) return;
  const problems: string[] = [];
  check(model.shapes, inputShape, body, '', problems, '');
  if (problems.length > 0) {
    const count = problems.length;
    throw new ApiError(
      VALIDATION_CODE[service],
      `${count} validation error${count > 1 ? 's' : ''} detected: ${problems.join('; ')}`,
    );
  }
}

function serialization(): ApiError {
  return new ApiError('SerializationException', 'Unable to parse the request body');
}

const notNull = (at: string) =>
  `Value null at '${at}' failed to satisfy constraint: Member must not be null`;

/**
 * Checks `value` against shape `name`. `member` is the structure member it came from (list
 * items keep their list's member name), for the limits the model leaves open (limits.ts).
 * Null members of a structure are removed, as the services treat them as absent; null items
 * of a list or map are validation errors, never passed to a handler.
 */
function check(
  all: Record<string, Shape>,
  name: string,
  value: unknown,
  path: string,
  problems: string[],
  member: string,
): void {
  const shape = all[name];
  if (!shape || value === null || value === undefined) return;
  const at = path || 'request';
  switch (shape.t) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serialization();
      const obj = value as Record<string, unknown>;
      for (const req of shape.r ?? []) {
        if (obj[req] === undefined || obj[req] === null) problems.push(notNull(join(path, req)));
      }
      for (const [key, memberShape] of Object.entries(shape.m ?? {})) {
        if (!Object.hasOwn(obj, key)) continue;
        if (obj[key] === null) delete obj[key];
        else check(all, memberShape, obj[key], join(path, key), problems, key);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) throw serialization();
      limits(shape, value.length, at, problems, 'length');
      value.forEach((item, i) => {
        const itemAt = `${at}.${i + 1}.member`;
        if (item === null || item === undefined) problems.push(notNull(itemAt));
        else check(all, shape.e!, item, itemAt, problems, member);
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serialization();
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (v === null) problems.push(notNull(`${at}.${k}`));
        else check(all, shape.v!, v, `${at}.${k}`, problems, member);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') throw serialization();
      const bounded = shape.max === undefined ? { ...shape, max: maxStringLength(member) } : shape;
      const shown = SECRET_SHAPES.has(name) ? undefined : value;
      limits(bounded, value.length, at, problems, 'length', shown);
      return;
    }
    case 'integer':
    case 'long': {
      const range = shape.t === 'integer' ? INT32 : SAFE_LONG;
      if (
        typeof value !== 'number' ||
        !Number.isInteger(value) ||
        value < range.min ||
        value > range.max
      )
        throw serialization();
      limits(shape, value, at, problems, 'value', value);
      return;
    }
    case 'double':
    case 'float':
      if (typeof value !== 'number') throw serialization();
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw serialization();
      return;
    case 'timestamp':
      if (!validTimestamp(value)) throw serialization();
      return;
    default:
      return;
  }
}

const SAFE_LONG = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };

/** Epoch seconds (the protocol's form), or a string holding them or an ISO 8601 date-time. */
function validTimestamp(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isNaN(new Date(value * 1000).getTime());
  if (typeof value !== 'string' || value.length > 64) return false;
  if (/^-?\d+(\.\d+)?$/.test(value)) return validTimestamp(Number(value));
  return (
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

function join(path: string, member: string): string {
  return path ? `${path}.${lowerFirst(member)}` : lowerFirst(member);
}

/** Values longer than this are not repeated in messages. */
const SHOWN_MAX = 256;

function limits(
  shape: Pick<Shape, 'min' | 'max'>,
  n: number,
  at: string,
  problems: string[],
  kind: 'length' | 'value',
  shown?: unknown,
): void {
  const text = shown === undefined ? '' : String(shown);
  const prefix =
    shown === undefined || text.length > SHOWN_MAX
      ? `Value at '${at}'`
      : `Value '${text}' at '${at}'`;
  if (shape.min !== undefined && n < shape.min)
    problems.push(
      `${prefix} failed to satisfy constraint: Member must have ${kind} greater than or equal to ${shape.min}`,
    );
  if (shape.max !== undefined && n > shape.max)
    problems.push(
      `${prefix} failed to satisfy constraint: Member must have ${kind} less than or equal to ${shape.max}`,
    );
}
