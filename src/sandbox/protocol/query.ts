// The awsQuery protocol, which CloudWatch still speaks beside AWS JSON 1.0 (the AWS CLI v2 on
// Debian sends it): a form-encoded body `Action=GetMetricData&Version=2010-08-01&
// MetricDataQueries.member.1.Id=a&…`, read into the same nested input the JSON protocol gives,
// guided by the model's shapes (lists are `.member.N`, numbers and booleans are text), and an
// XML answer `<GetMetricDataResponse><GetMetricDataResult>…` with lists as `<member>` items.
import { ApiError } from './errors.js';
import type { Shape } from './validate.js';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export interface QueryRequest {
  action: string;
  version: string;
  params: Record<string, string>;
}

/** Splits a form body into Action, Version and the other parameters (later ones win). */
export function parseQueryBody(text: string): QueryRequest {
  const form = new URLSearchParams(text);
  const params: Record<string, string> = {};
  for (const [key, value] of form) if (key !== 'Action' && key !== 'Version') params[key] = value;
  return { action: form.get('Action') ?? '', version: form.get('Version') ?? '', params };
}

type Tree = { [key: string]: Tree | string };

/** The flat parameters as a tree: "A.member.2.B" → { A: { member: { 2: { B } } } }. */
function toTree(params: Record<string, string>): Tree {
  const root: Tree = {};
  for (const [key, value] of Object.entries(params)) {
    const parts = key.split('.');
    let node = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        if (typeof node[part] !== 'object') node[part] = value;
        return;
      }
      const next = node[part];
      if (typeof next === 'object') node = next;
      else {
        const made: Tree = {};
        node[part] = made;
        node = made;
      }
    });
  }
  return root;
}

const malformed = (at: string) =>
  new ApiError('MalformedQueryString', `The parameter ${at} is not in the expected form`);

/** Reads a tree node as shape `name`: structures by member, lists from `member.N` in index
 *  order, numbers and booleans from their text; parameters the shape does not know are
 *  dropped, as the service ignores them. Values that do not parse stay text, so the model
 *  check answers them. */
function readShape(
  shapes: Record<string, Shape>,
  name: string,
  node: Tree | string,
  at: string,
): unknown {
  const shape = shapes[name];
  if (!shape) return undefined;
  switch (shape.t) {
    case 'structure': {
      if (typeof node !== 'object') throw malformed(at);
      const out: Record<string, unknown> = {};
      for (const [member, memberShape] of Object.entries(shape.m ?? {})) {
        const child = node[member];
        if (child !== undefined)
          out[member] = readShape(shapes, memberShape, child, at ? `${at}.${member}` : member);
      }
      return out;
    }
    case 'list': {
      if (node === '') return [];
      const items = typeof node === 'object' ? node.member : undefined;
      if (typeof items !== 'object') throw malformed(at);
      return Object.keys(items)
        .filter((k) => /^[1-9][0-9]{0,5}$/.test(k))
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => readShape(shapes, shape.e ?? '', items[k] ?? '', `${at}.member.${k}`));
    }
    case 'integer':
    case 'long':
    case 'double':
    case 'float':
      if (typeof node !== 'string') throw malformed(at);
      return node.trim() !== '' && Number.isFinite(Number(node)) ? Number(node) : node;
    case 'boolean':
      if (typeof node !== 'string') throw malformed(at);
      return node === 'true' ? true : node === 'false' ? false : node;
    default:
      if (typeof node !== 'string') throw malformed(at);
      return node;
  }
}

/** The operation's input as the JSON protocol would carry it. */
export function queryInput(
  params: Record<string, string>,
  model: { input: string | null; shapes: Record<string, Shape> },
): Record<string, unknown> {
  if (!model.input) return {};
  return readShape(model.shapes, model.input, toTree(params), '') as Record<string, unknown>;
}

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? '',
  );

/** One element: arrays as <member> items, Dates as ISO 8601, objects member by member. */
function element(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    if (value.length === 0) return `<${name}/>`;
    return `<${name}>${value.map((v) => element('member', v)).join('')}</${name}>`;
  }
  if (value instanceof Date) return `<${name}>${value.toISOString()}</${name}>`;
  if (typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => element(k, v))
      .join('');
    return `<${name}>${inner}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** The XML answer of an operation: `<ActionResponse><ActionResult>…</ActionResult>…`. */
export function queryResponseXml(
  action: string,
  output: Record<string, unknown>,
  xmlns: string,
  requestId: string,
): string {
  return `<${action}Response xmlns="${xmlns}">${element(`${action}Result`, output)}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>\n`;
}

/** The XML of a refusal, as awsQuery services send it. */
export function queryErrorXml(
  error: { code: string; message: string; status: number },
  xmlns: string,
  requestId: string,
): string {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  return `<ErrorResponse xmlns="${xmlns}"><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>\n`;
}
