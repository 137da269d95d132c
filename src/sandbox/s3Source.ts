// An S3 source endpoint's S3Settings as the engine reads them (S3SourceSpec), and its connection
// test: the bucket must exist in the sandbox's S3. DMS's defaults: CsvDelimiter ",",
// CsvRowDelimiter "\n", Rfc4180 true, IgnoreHeaderRows 0, DataFormat csv; "\n", "\t"… written
// as backslash escapes (as the DMS console and CLI examples do) are read as the characters.
import type { S3SourceSpec } from './engine/types.js';
import { S3Storage } from './s3/storage.js';
import type { EndpointRecord } from './state.js';

const ESCAPES: Record<string, string> = {
  '\\n': '\n',
  '\\t': '\t',
  '\\r\\n': '\n',
  '\\r': '\r',
  '\r\n': '\n',
};

function oneChar(value: unknown, fallback: string, what: string): string {
  if (value === undefined || value === null || value === '') return fallback;
  const text = String(value);
  const char = ESCAPES[text] ?? text;
  if ([...char].length !== 1) throw new Error(`${what} must be one character, got "${text}"`);
  return char;
}

/** The S3 source of an endpoint; throws one line when its settings cannot be used. */
export function s3SourceSpec(endpoint: EndpointRecord, s3Dir: string): S3SourceSpec {
  const s = (endpoint.engineSettings.S3Settings ?? {}) as Record<string, unknown>;
  const bucket = String(s.BucketName ?? '');
  if (!bucket) throw new Error('The S3 endpoint has no S3Settings.BucketName');
  const format = String(s.DataFormat ?? 'csv').toLowerCase();
  if (format !== 'csv' && format !== 'parquet')
    throw new Error(`S3Settings.DataFormat must be csv or parquet, got "${format}"`);
  const header = Number(s.IgnoreHeaderRows ?? 0);
  return {
    s3Dir,
    bucket,
    folder: String(s.BucketFolder ?? '').replace(/^\/+|\/+$/g, ''),
    tableDefinition: String(s.ExternalTableDefinition ?? ''),
    dataFormat: format,
    csvDelimiter: oneChar(s.CsvDelimiter, ',', 'S3Settings.CsvDelimiter'),
    csvRowDelimiter: oneChar(s.CsvRowDelimiter, '\n', 'S3Settings.CsvRowDelimiter'),
    csvNullValue: typeof s.CsvNullValue === 'string' ? s.CsvNullValue : undefined,
    ignoreHeaderRows: header === 1 ? 1 : 0,
    rfc4180: s.Rfc4180 !== false,
  };
}

/** TestConnection for an S3 source or target: the bucket exists in the sandbox's S3. */
export function testS3Endpoint(endpoint: EndpointRecord, s3Dir: string): void {
  const s = (endpoint.engineSettings.S3Settings ?? {}) as Record<string, unknown>;
  const bucket = String(s.BucketName ?? '');
  if (!bucket) throw new Error('The S3 endpoint has no S3Settings.BucketName');
  try {
    new S3Storage(s3Dir).bucket(bucket);
  } catch {
    throw new Error(`The bucket ${bucket} does not exist in the sandbox's S3 (NoSuchBucket)`);
  }
}
