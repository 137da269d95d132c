// Which service and operation a request is for, how its input is read and how the answer is
// written: DMS and CloudWatch Logs by X-Amz-Target (AWS JSON 1.1), CloudWatch by X-Amz-Target
// (AWS JSON 1.0) or, without the header, by a form-encoded POST to / with Action and Version
// (awsQuery, the AWS CLI's CloudWatch protocol).
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CLOUDWATCH_PREFIX,
  CLOUDWATCH_VERSION,
  sendCloudWatchJson,
  sendCloudWatchJsonError,
  sendCloudWatchXml,
  sendCloudWatchXmlError,
} from './cloudwatch/wire.js';
import { ApiError } from './protocol/errors.js';
import { parseJson, sendError, sendJson } from './protocol/http.js';
import { FORM_CONTENT_TYPE, parseQueryBody, queryInput } from './protocol/query.js';
import { inputModel, type Service } from './protocol/validate.js';
import { shortText } from './serverErrors.js';

export interface Route {
  service: Service;
  operation: string;
  /** The request's input (throws an ApiError when it cannot be read). */
  input(): Record<string, unknown>;
  ok(res: ServerResponse, output: unknown): void;
  fail(res: ServerResponse, error: ApiError): void;
}

const PREFIXES: [string, Service][] = [
  ['AmazonDMSv20160101.', 'dms'],
  ['Logs_20140328.', 'logs'],
  [CLOUDWATCH_PREFIX, 'cloudwatch'],
];

/** How errors are written before the request's service is known. */
export const JSON_11_ANSWERS = {
  ok: (res: ServerResponse, output: unknown) => sendJson(res, 200, output ?? {}),
  fail: sendError,
};

export function isQueryRequest(req: IncomingMessage): boolean {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  const path = (req.url ?? '/').split('?')[0];
  return req.method === 'POST' && path === '/' && type === FORM_CONTENT_TYPE;
}

export function routeOf(req: IncomingMessage, text: string): Route {
  const target = String(req.headers['x-amz-target'] ?? '');
  const prefixed = PREFIXES.find(([prefix]) => target.startsWith(prefix));
  if (prefixed) {
    const [prefix, service] = prefixed;
    const json = service === 'cloudwatch';
    return {
      service,
      operation: target.slice(prefix.length),
      input: () => parseJson(text),
      ok: json ? sendCloudWatchJson : JSON_11_ANSWERS.ok,
      fail: json ? sendCloudWatchJsonError : JSON_11_ANSWERS.fail,
    };
  }
  if (!target && isQueryRequest(req)) {
    const query = parseQueryBody(text);
    return {
      service: 'cloudwatch',
      operation: query.action,
      input: () => {
        if (query.version !== CLOUDWATCH_VERSION)
          throw new ApiError(
            'InvalidAction',
            `Could not find operation ${shortText(query.action)} for version ${shortText(query.version)}`,
          );
        return queryInput(query.params, inputModel('cloudwatch', query.action));
      },
      ok: (res, output) => sendCloudWatchXml(res, query.action, output),
      fail: sendCloudWatchXmlError,
    };
  }
  throw new ApiError(
    'UnknownOperationException',
    target ? `Unknown operation: ${shortText(target)}` : 'Missing X-Amz-Target header',
  );
}
