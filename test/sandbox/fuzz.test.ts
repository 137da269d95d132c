// Fuzz-ish: for every operation the sandbox serves (from shapes.json), a body that passes the
// model is sent with one member at a time (up to three levels deep, list items included)
// replaced by null, a value of the wrong JSON type, a list holding null, a string over its
// limit or an integer out of range. Every answer must be a 4xx JSON error (2xx only where a null
// member simply counts as absent), and nothing may reach stderr.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maxStringLength } from '../../src/sandbox/protocol/limits.js';
import shapes from '../../src/sandbox/protocol/shapes.json' with { type: 'json' };
import type { Shape } from '../../src/sandbox/protocol/validate.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

type Model = { operations: Record<string, string | null>; shapes: Record<string, Shape> };
const MODELS = shapes as unknown as Record<'dms' | 'logs', Model>;
const PREFIX = { dms: 'AmazonDMSv20160101.', logs: 'Logs_20140328.' };
const MAX_DEPTH = 3;

/** The smallest value that satisfies a shape (required members only). */
function minimal(model: Model, name: string, depth = 0): unknown {
  const shape = model.shapes[name]!;
  switch (shape.t) {
    case 'structure':
      return Object.fromEntries(
        (shape.r ?? []).map((member) => [member, minimal(model, shape.m![member]!, depth + 1)]),
      );
    case 'list':
      return depth > MAX_DEPTH
        ? []
        : Array.from({ length: Math.max(1, shape.min ?? 0) }, () =>
            minimal(model, shape.e!, depth + 1),
          );
    case 'map':
      return {};
    case 'string':
      return 'x'.repeat(Math.max(1, shape.min ?? 0));
    case 'integer':
    case 'long':
      return Math.max(shape.min ?? 1, 1);
    case 'boolean':
      return true;
    case 'timestamp':
      return 1764000000;
    default:
      return 1.5;
  }
}

interface Mutation {
  label: string;
  body: Record<string, unknown>;
  /** A null member counts as absent: the request may then succeed. */
  mayPass: boolean;
}

const HUGE_NUMBER = 2 ** 53;

/** Values that must be refused for a member of this shape (and whether null may pass). */
function badValues(model: Model, shapeName: string, member: string): [string, unknown][] {
  const shape = model.shapes[shapeName]!;
  const over = (shape.max ?? maxStringLength(member)) + 1;
  switch (shape.t) {
    case 'structure':
      return [
        ['a string', 'not an object'],
        ['a list', [1]],
      ];
    case 'list':
      return [
        ['[null]', [null]],
        ['an object', { a: 1 }],
        ['a string', 'x'],
      ];
    case 'map':
      return [
        ['a list', [1]],
        ['{k: null}', { k: null }],
      ];
    case 'string':
      return [
        ['a number', 12345],
        ['an object', { a: 'b' }],
        [`${over} characters`, 'x'.repeat(over)],
      ];
    case 'integer':
    case 'long':
      return [
        ['a string', '12'],
        ['a fraction', 1.5],
        ['2^53', HUGE_NUMBER],
        ['a boolean', true],
      ];
    case 'boolean':
      return [
        ['a string', 'true'],
        ['a number', 1],
      ];
    case 'timestamp':
      return [
        ['a word', 'yesterday'],
        ['an object', {}],
        ['a boolean', false],
      ];
    default:
      return [['a string', 'x']];
  }
}

/** Every mutation of `base` reachable from the input shape, each member replaced in turn. */
function mutations(model: Model, inputShape: string): Mutation[] {
  const base = minimal(model, inputShape) as Record<string, unknown>;
  // The whole body of the wrong kind first (sent as JSON text: null, a list, a string, a number).
  const out: Mutation[] = [null, [], 'x', 123, [null]].map((body) => ({
    label: `body = ${JSON.stringify(body)}`,
    body: body as unknown as Record<string, unknown>,
    mayPass: false,
  }));
  const visit = (shapeName: string, path: (string | number)[], member: string, depth: number) => {
    const shape = model.shapes[shapeName]!;
    if (path.length > 0) {
      const put = (value: unknown) => {
        const body = structuredClone(base);
        let holder = body as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) {
          holder[key] ??= typeof key === 'number' ? [] : {};
          holder = holder[key] as Record<string | number, unknown>;
        }
        holder[path.at(-1)!] = value;
        return body;
      };
      const inList = typeof path.at(-1) === 'number';
      out.push({ label: `${path.join('.')} = null`, body: put(null), mayPass: !inList });
      for (const [label, value] of badValues(model, shapeName, member))
        out.push({ label: `${path.join('.')} = ${label}`, body: put(value), mayPass: false });
    }
    if (depth >= MAX_DEPTH) return;
    if (shape.t === 'structure')
      for (const [key, child] of Object.entries(shape.m ?? {}))
        visit(child, [...path, key], key, depth + 1);
    if (shape.t === 'list') visit(shape.e!, [...path, 0], member, depth + 1);
  };
  visit(inputShape, [], '', 0);
  return out;
}

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(async () => {
  await t.close();
});

const operations = (['dms', 'logs'] as const).flatMap((service) =>
  Object.entries(MODELS[service].operations)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([operation, input]) => ({ service, operation, input })),
);

describe('every operation answers bad members with a 4xx JSON error and a clean stderr', () => {
  it.each(operations)('$service $operation', async ({ service, operation, input }) => {
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    try {
      const model = MODELS[service];
      const cases = mutations(model, input);
      const wrong: string[] = [];
      for (const c of cases) {
        const res = await fetch(`${t.url}/`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-amz-json-1.1',
            'X-Amz-Target': `${PREFIX[service]}${operation}`,
          },
          body: JSON.stringify(c.body),
        });
        const text = await res.text();
        let json: { __type?: unknown; message?: unknown } = {};
        try {
          json = JSON.parse(text) as typeof json;
        } catch {
          wrong.push(`${c.label}: ${res.status} not JSON: ${text.slice(0, 80)}`);
          continue;
        }
        const refused = res.status >= 400 && res.status < 500 && typeof json.__type === 'string';
        const passed = c.mayPass && res.status === 200;
        if (!refused && !passed)
          wrong.push(
            `${c.label}: ${res.status} ${String(json.__type)} ${String(json.message).slice(0, 120)}`,
          );
        if (typeof json.message === 'string' && json.message.length > 4000)
          wrong.push(`${c.label}: a message of ${json.message.length} characters`);
      }
      expect(wrong).toEqual([]);
    } finally {
      vi.restoreAllMocks();
    }
    expect(stderr.join('')).toBe('');
  });
});
