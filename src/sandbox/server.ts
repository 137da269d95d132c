// The sandbox service: DMS and CloudWatch Logs (AWS JSON 1.1) and CloudWatch metrics (AWS JSON
// 1.0 and awsQuery, routes.ts) on one loopback port, in-process.
// Used by `dms-tui sandbox` (main.ts) and by every test suite that needs a DMS peer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  chaosLatency,
  chaosOutcome,
  type ChaosSpec,
  NO_CHAOS,
  parseChaos,
} from '../model/chaos.js';
import type { ConnectionSpec } from '../model/connection.js';
import { cloudWatchHandlers } from './cloudwatch/handlers.js';
import { connectionHandlers } from './connections.js';
import type { Call, Handler, Sandbox } from './context.js';
import { ensureDemoEndpoints } from './demoEndpoints.js';
import { endpointHandlers } from './endpoints.js';
import type { RunFullLoad } from './engine/types.js';
import type { CdcEngine } from './engine/cdc/types.js';
import {
  type DemoDatabases,
  defaultCdcEngine,
  defaultRunFullLoad,
  defaultRunS3FullLoad,
  startDemoDatabases,
} from './engineLoader.js';
import { privateDataDir } from './fileModes.js';
import { instanceHandlers } from './instances.js';
import { createMetricsStore, type MetricsStore } from './metrics/store.js';
import { logsHandlers } from './logs.js';
import { ApiError } from './protocol/errors.js';
import { hostAllowed } from './protocol/host.js';
import {
  ClientGone,
  connectionMustClose,
  readBody,
  regionOfRequest,
  sendJson,
} from './protocol/http.js';
import { knownOperation, type Service, validateInput } from './protocol/validate.js';
import { recoverState } from './recover.js';
import { isQueryRequest, JSON_11_ANSWERS, type Route, routeOf } from './routes.js';
import { HEALTH_PATH } from './sandboxFile.js';
import { forbiddenHost, logInternalError, shortText } from './serverErrors.js';
import { createTaskRunner } from './runner.js';
import { createS3Service, isS3Request, refuseHost, S3_DIR } from './s3/index.js';
import { DEFAULT_REGION } from './state.js';
import { createStore, loadState } from './store.js';
import { tableStatsHandlers } from './tableStats.js';
import { tagHandlers } from './tags.js';
import { taskHandlers } from './tasks.js';
import { createTaskLogWriter } from './taskLog.js';

export interface SandboxOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  host?: string;
  dataDir: string;
  /** --chaos spec, e.g. "throttle=0.3,latency=50-800". */
  chaos?: string;
  /** Start the embedded demo databases and their endpoints. Default false. */
  demo?: boolean;
  runFullLoad?: RunFullLoad;
  /** Change data capture. Default: the real engine, unless `runFullLoad` stands in for the
   *  full-load engine (then cdc tasks only stay running, and the task log says so). */
  cdc?: CdcEngine | null;
  /** How long a task stays creating, modifying or deleting. Default 300 ms; tests that look at
   *  a task in one of those statuses make it long. */
  transientMs?: number;
  /** Where measurements are kept for CloudWatch (default a new store); tests pass one to
   *  record measurements themselves. */
  metrics?: MetricsStore;
}

export interface RunningSandbox {
  url: string;
  port: number;
  /** The S3-compatible API: the same URL, path-style (src/sandbox/s3). */
  s3: { endpointUrl: string; dir: string };
  /** The demo databases' connections (with demo on). */
  demo?: { source: ConnectionSpec; target: ConnectionSpec };
  /** What the engine measured (the CloudWatch handlers serve it). */
  metrics: MetricsStore;
  close(): Promise<void>;
}

const HANDLERS: Record<Service, Record<string, Handler>> = {
  dms: {
    ...instanceHandlers,
    ...endpointHandlers,
    ...connectionHandlers,
    ...taskHandlers,
    ...tableStatsHandlers,
    ...tagHandlers,
  },
  logs: logsHandlers,
  cloudwatch: cloudWatchHandlers,
};

/** --chaos: a delay, then maybe a dropped connection, throttling or a server error. */
async function applyChaos(chaos: ChaosSpec, req: IncomingMessage): Promise<void> {
  if (chaos === NO_CHAOS) return;
  const delay = chaosLatency(chaos, Math.random());
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const outcome = chaosOutcome(chaos, Math.random());
  if (outcome === 'reset') req.socket.destroy();
  else if (outcome === 'throttle') throw new ApiError('ThrottlingException', 'Rate exceeded');
  else if (outcome === 'error5xx')
    throw Math.random() < 0.5
      ? new ApiError(
          'InternalFailure',
          'The request processing has failed because of an unknown error, exception or failure.',
          500,
        )
      : new ApiError('ServiceUnavailable', 'Service is unavailable. Please try again later.', 503);
}

export async function startSandbox(opts: SandboxOptions): Promise<RunningSandbox> {
  let chaos: ChaosSpec = NO_CHAOS;
  if (opts.chaos) {
    const parsed = parseChaos(opts.chaos);
    if (!parsed.ok) throw new Error(parsed.error);
    chaos = parsed.value;
  }
  privateDataDir(opts.dataDir);
  const store = createStore(opts.dataDir, loadState(opts.dataDir));
  const taskLog = createTaskLogWriter(store);
  const s3Dir = join(opts.dataDir, S3_DIR);
  const metrics = opts.metrics ?? createMetricsStore();
  const runner = createTaskRunner({
    store,
    taskLog,
    runFullLoad: opts.runFullLoad ?? defaultRunFullLoad,
    runS3FullLoad: defaultRunS3FullLoad,
    s3Dir,
    cdc:
      opts.cdc === undefined
        ? opts.runFullLoad
          ? undefined
          : defaultCdcEngine
        : (opts.cdc ?? undefined),
    metrics,
  });
  const timers = new Set<NodeJS.Timeout>();
  const work = new Set<Promise<unknown>>();
  let closing = false;
  const sandbox: Sandbox = {
    store,
    runner,
    taskLog,
    metrics,
    s3Dir,
    transientMs: opts.transientMs ?? 300,
    later(ms, fn) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, ms);
      timers.add(timer);
    },
    track(promise) {
      work.add(promise);
      promise.finally(() => work.delete(promise)).catch(() => undefined);
    },
  };
  recoverState(store, taskLog);

  const boundHost = opts.host ?? '127.0.0.1';
  let ready: Promise<void> = Promise.resolve();
  const s3 = createS3Service(opts.dataDir);
  const server = createServer((req, res) => {
    // handle() answers every failure itself; if even that fails, the connection is dropped
    // rather than the sandbox. CloudWatch's awsQuery (a form POST to /, as the AWS CLI sends
    // it) is not S3.
    if (isS3Request(req) && !isQueryRequest(req) && req.url !== HEALTH_PATH) {
      if (!hostAllowed(req.headers.host, boundHost)) refuseHost(req, res);
      else s3.handle(req, res, regionOfRequest(req, DEFAULT_REGION)).catch(() => res.destroy());
      return;
    }
    handle(req, res).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 5000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let operation = '';
    let route: Route | undefined;
    try {
      // The body is read (or drained) before any answer, so even a refusal reaches a client
      // that is still sending instead of a reset connection.
      const body = await readBody(req).then(
        (text) => ({ text }),
        (error: unknown) => {
          if (error instanceof ClientGone) throw error;
          return { error };
        },
      );
      if (!hostAllowed(req.headers.host, boundHost)) throw forbiddenHost(req.headers.host);
      if ('error' in body) throw body.error;
      const { text } = body;
      await ready.catch((error: unknown) => {
        throw new ApiError(
          'ServiceUnavailable',
          `Sandbox failed to start: ${(error as Error).message}`,
          503,
        );
      });
      if (req.method === 'GET' && req.url === HEALTH_PATH) {
        sendJson(res, 200, { service: 'dms-tui-sandbox', pid: process.pid, closing });
        return;
      }
      route = routeOf(req, text);
      operation = route.operation;
      await applyChaos(chaos, req);
      if (req.socket.destroyed) return;
      const handler = HANDLERS[route.service][operation];
      if (!handler || !knownOperation(route.service, operation))
        throw new ApiError(
          'UnknownOperationException',
          `Unknown operation: ${shortText(operation)}. The dms-tui sandbox does not serve it.`,
        );
      const input = route.input();
      validateInput(route.service, operation, input);
      const call: Call = { sandbox, region: regionOfRequest(req, DEFAULT_REGION) };
      const output = await handler(call, input);
      route.ok(res, output ?? {});
    } catch (error) {
      if (error instanceof ClientGone) return;
      if (connectionMustClose(req)) res.setHeader('Connection', 'close');
      const answer = route ?? JSON_11_ANSWERS;
      if (error instanceof ApiError) answer.fail(res, error);
      else {
        // A fault of the sandbox, not of the request: one line in sandbox.log, never a stack
        // on the terminal; the client gets a plain 500.
        logInternalError(opts.dataDir, operation, error);
        answer.fail(
          res,
          new ApiError(
            'InternalFailure',
            'Internal failure in the sandbox (see sandbox.log in its data dir)',
            500,
          ),
        );
      }
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, boundHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${boundHost.includes(':') ? `[${boundHost}]` : boundHost}:${port}`;

  let demo: DemoDatabases | undefined;
  if (opts.demo) {
    ready = (async () => {
      // An ephemeral sandbox port gives ephemeral demo ports: port + 1 may be any socket's.
      const basePort = (opts.port ?? 0) === 0 ? 0 : port + 1;
      demo = await startDemoDatabases({ dataDir: opts.dataDir, basePort });
      ensureDemoEndpoints(store, demo);
    })();
    try {
      await ready;
    } catch (error) {
      await new Promise((resolve) => server.close(resolve));
      throw error;
    }
  }

  return {
    url,
    port,
    s3: { endpointUrl: url, dir: s3.root },
    demo: demo ? { source: demo.source, target: demo.target } : undefined,
    metrics,
    async close() {
      if (closing) return;
      closing = true;
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      await runner.stopAll('The sandbox is shutting down: stopping the task');
      await Promise.race([
        Promise.allSettled([...work]),
        new Promise((resolve) => setTimeout(resolve, 3000).unref()),
      ]);
      for (const timer of timers) clearTimeout(timer);
      await store.close();
      server.closeAllConnections();
      await closed;
      await demo?.close();
    },
  };
}
