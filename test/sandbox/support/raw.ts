// Raw HTTP requests to the sandbox, for what the SDK never sends: another Host header, nulls in
// lists, bodies of any size.
import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: Record<string, unknown>;
  text: string;
}

export interface RawRequest {
  url: string;
  target?: string;
  /** Default `{}`. */
  body?: string | Buffer;
  /** Send no Host header at all. */
  noHost?: boolean;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
}

/** Sends one request on its own connection and reads the whole answer. */
export function raw(req: RawRequest): Promise<RawAnswer> {
  const url = new URL(req.url);
  const body = req.body ?? '{}';
  return new Promise((resolve, reject) => {
    const r = request(
      {
        host: url.hostname,
        port: url.port,
        method: req.method ?? 'POST',
        path: req.path ?? '/',
        agent: false,
        setHost: !req.noHost,
        headers: {
          'Content-Type': 'application/x-amz-json-1.1',
          'Content-Length': String(Buffer.byteLength(body)),
          ...(req.target ? { 'X-Amz-Target': req.target } : {}),
          ...req.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // left empty: the test looks at text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json, text });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

export const DMS = (operation: string) => `AmazonDMSv20160101.${operation}`;
export const LOGS = (operation: string) => `Logs_20140328.${operation}`;
