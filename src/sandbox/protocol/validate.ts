// Checks a request body against the input shape from the botocore model (shapes.json): a
// missing required member or a value out of its length/range limits is answered with the
// service's validation error and a Coral-style message; a member of the wrong JSON type is a
// SerializationException, as the real services' deserializers answer.
import shapes from './shapes.json' with { type: 'json' };
import { ApiError } from './errors.js';

interface Shape {
  t: string;
  r?: string[];
  m?: Record<string, string>;
  e?: string;
  v?: string;
  min?: number;
  max?: number;
}

type Service = 'dms' | 'logs';

const MODELS = shapes as unknown as Record<
  Service,
  { operations: Record<string, string | null>; shapes: Record<string, Shape> }
>;

/** Error code for validation failures: DMS answers InvalidParameterValueException, Logs InvalidParameterException. */
const VALIDATION_CODE: Record<Service, string> = {
  dms: 'InvalidParameterValueException',
  logs: 'InvalidParameterException',
};

export function knownOperation(service: Service, operation: string): boolean {
  return Object.hasOwn(MODELS[service].operations, operation);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function validateInput(service: Service, operation: string, body: unknown): void {
  const model = MODELS[service];
  const inputShape = model.operations[operation];
  if (!inputShape) return;
  const problems: string[] = [];
  check(model.shapes, inputShape, body, '', problems, service);
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

function check(
  all: Record<string, Shape>,
  name: string,
  value: unknown,
  path: string,
  problems: string[],
  service: Service,
): void {
  const shape = all[name];
  if (!shape || value === null || value === undefined) return;
  const at = path || 'request';
  switch (shape.t) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serialization();
      const obj = value as Record<string, unknown>;
      for (const req of shape.r ?? []) {
        if (obj[req] === undefined || obj[req] === null)
          problems.push(
            `Value null at '${join(path, req)}' failed to satisfy constraint: Member must not be null`,
          );
      }
      for (const [key, member] of Object.entries(shape.m ?? {})) {
        if (key in obj) check(all, member, obj[key], join(path, key), problems, service);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) throw serialization();
      limits(shape, value.length, at, problems, 'length');
      value.forEach((item, i) => {
        check(all, shape.e!, item, `${at}.${i + 1}.member`, problems, service);
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) throw serialization();
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        check(all, shape.v!, v, `${at}.${k}`, problems, service);
      return;
    }
    case 'string':
      if (typeof value !== 'string') throw serialization();
      limits(shape, value.length, at, problems, 'length', value);
      return;
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) throw serialization();
      limits(shape, value, at, problems, 'value', value);
      return;
    case 'double':
    case 'float':
      if (typeof value !== 'number') throw serialization();
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw serialization();
      return;
    case 'timestamp':
      if (typeof value !== 'number' && typeof value !== 'string') throw serialization();
      return;
    default:
      return;
  }
}

function join(path: string, member: string): string {
  return path ? `${path}.${lowerFirst(member)}` : lowerFirst(member);
}

function limits(
  shape: Shape,
  n: number,
  at: string,
  problems: string[],
  kind: 'length' | 'value',
  shown?: unknown,
): void {
  const v = shown === undefined ? '' : `Value '${String(shown)}' `;
  const prefix = shown === undefined ? `Value at '${at}'` : `${v}at '${at}'`;
  if (shape.min !== undefined && n < shape.min)
    problems.push(
      `${prefix} failed to satisfy constraint: Member must have ${kind} greater than or equal to ${shape.min}`,
    );
  if (shape.max !== undefined && n > shape.max)
    problems.push(
      `${prefix} failed to satisfy constraint: Member must have ${kind} less than or equal to ${shape.max}`,
    );
}
