// CloudWatch's two wire formats (docs/dms-api.md §8): AWS JSON 1.0 for the current SDK
// (`X-Amz-Target: GraniteServiceVersion20100801.<Action>`, awsQueryCompatible: the awsQuery
// error code in `x-amzn-query-error: <Code>;Sender`, epoch-second timestamps) and awsQuery for
// older clients such as Debian's AWS CLI (form body, XML answer, ISO 8601 timestamps).
// Handlers throw ApiErrors whose code is the awsQuery code ("ValidationError",
// "InvalidParameterValue", "InvalidNextToken"…); this file writes them in either form.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ApiError } from '../protocol/errors.js';
import { queryErrorXml, queryResponseXml } from '../protocol/query.js';

export const CLOUDWATCH_PREFIX = 'GraniteServiceVersion20100801.';
export const CLOUDWATCH_VERSION = '2010-08-01';
export const CLOUDWATCH_XMLNS = 'http://monitoring.amazonaws.com/doc/2010-08-01/';
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';

/** awsQuery code → the error shape's name in the JSON protocol (the SDK's error classes). */
const JSON_ERROR_TYPES: Record<string, string> = {
  ValidationError: 'ValidationException',
  InvalidParameterValue: 'InvalidParameterValueException',
  InvalidParameterCombination: 'InvalidParameterCombinationException',
  MissingParameter: 'MissingRequiredParameterException',
  InvalidNextToken: 'InvalidNextToken',
  InternalServiceError: 'InternalServiceFault',
};

/** The sandbox's service-independent refusals, as CloudWatch words them. */
const CLOUDWATCH_CODES: Record<string, string> = {
  ThrottlingException: 'Throttling',
  UnknownOperationException: 'InvalidAction',
  InvalidParameterValueException: 'InvalidParameterValue',
};

const codeOf = (error: ApiError) => CLOUDWATCH_CODES[error.code] ?? error.code;

/** JSON with Dates as epoch seconds, as AWS JSON 1.0 carries timestamps. */
function jsonText(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const original = key === '' ? v : this[key];
    return original instanceof Date ? original.getTime() / 1000 : v;
  });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  text: string,
  extra = {},
  requestId: string = randomUUID(),
) {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
    ...extra,
  });
  res.end(text);
}

export function sendCloudWatchJson(res: ServerResponse, output: unknown): void {
  send(res, 200, JSON_CONTENT_TYPE, jsonText(output));
}

export function sendCloudWatchJsonError(res: ServerResponse, error: ApiError): void {
  const code = codeOf(error);
  const body = {
    __type: `com.amazonaws.cloudwatch#${JSON_ERROR_TYPES[code] ?? code}`,
    message: error.message,
  };
  send(res, error.status, JSON_CONTENT_TYPE, JSON.stringify(body), {
    'x-amzn-query-error': `${code};${error.status >= 500 ? 'Receiver' : 'Sender'}`,
  });
}

export function sendCloudWatchXml(res: ServerResponse, action: string, output: unknown): void {
  const requestId = randomUUID();
  const xml = queryResponseXml(
    action,
    (output ?? {}) as Record<string, unknown>,
    CLOUDWATCH_XMLNS,
    requestId,
  );
  send(res, 200, 'text/xml', xml, {}, requestId);
}

export function sendCloudWatchXmlError(res: ServerResponse, error: ApiError): void {
  const requestId = randomUUID();
  const xml = queryErrorXml(
    { code: codeOf(error), message: error.message, status: error.status },
    CLOUDWATCH_XMLNS,
    requestId,
  );
  send(res, error.status, 'text/xml', xml, {}, requestId);
}
