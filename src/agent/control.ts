// The agent's control channel: HTTP over a Unix socket in a 0700 folder of the data dir, so only
// the OS user who owns the data dir can connect (the socket itself is 0600 too). Requests and
// answers are JSON; an error is {error: "one line"} with a 4xx/5xx status.
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type Server } from 'node:http';
import { makePrivateDir } from '../sandbox/fileModes.js';
import { agentPaths } from './agentDir.js';

export interface ControlRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type ControlHandler = (req: ControlRequest) => Promise<unknown>;

const MAX_BODY = 1 << 20;

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ControlError(413, 'request too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
    return parsed as Record<string, unknown>;
  } catch {
    throw new ControlError(400, 'the request body is not a JSON object');
  }
}

export async function serveControl(dir: string, handler: ControlHandler): Promise<Server> {
  const paths = agentPaths(dir);
  makePrivateDir(paths.run);
  // Only the lease holder gets here, so a socket file left behind is a dead agent's.
  rmSync(paths.socket, { force: true });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://agent');
    readBody(req)
      .then((body) =>
        handler({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body }),
      )
      .then(
        (result) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(result ?? {}));
        },
        (error: unknown) => {
          const status = error instanceof ControlError ? error.status : 500;
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: (error as Error).message?.split('\n')[0] ?? 'failed' }));
        },
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(paths.socket, () => resolve());
  });
  chmodSync(paths.socket, 0o600);
  return server;
}

export class AgentNotRunningError extends Error {
  constructor(dir: string) {
    super(`no agent is running on ${dir} (start one with: dms-tui agent start --data-dir ${dir})`);
    this.name = 'AgentNotRunningError';
  }
}

/** One call to the agent of a data dir, on a connection of its own: Node's global HTTP agent
 *  keeps connections alive, and reusing one the server is closing as idle fails with EPIPE or
 *  ECONNRESET. Throws AgentNotRunningError, or Error with its line. */
export function callAgent<T>(
  dir: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  timeoutMs = 10_000,
): Promise<T> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const req = request(
      {
        socketPath: agentPaths(dir).socket,
        agent: false,
        method,
        path,
        headers: payload ? { 'content-type': 'application/json' } : {},
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            reject(new Error('the agent sent an answer that is not JSON'));
            return;
          }
          if ((res.statusCode ?? 500) >= 400)
            reject(
              new ControlError(
                res.statusCode ?? 500,
                String((parsed as { error?: string }).error ?? 'failed'),
              ),
            );
          else resolve(parsed as T);
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`the agent on ${dir} did not answer in ${timeoutMs / 1000} s`)),
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED')
        reject(new AgentNotRunningError(dir));
      else reject(error);
    });
    req.end(payload);
  });
}
