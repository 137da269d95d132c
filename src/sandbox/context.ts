// What every operation handler gets: the sandbox's shared parts and the caller's region.
import type { MetricsStore } from './metrics/store.js';
import type { Store } from './store.js';
import type { TaskRunner } from './runner.js';
import type { TaskLogWriter } from './taskLog.js';

export interface Sandbox {
  readonly store: Store;
  readonly runner: TaskRunner;
  readonly taskLog: TaskLogWriter;
  /** What the engine measures, served as CloudWatch metrics (namespace AWS/DMS). */
  readonly metrics: MetricsStore;
  /** The S3 API's folder (<dataDir>/s3): what S3 source endpoints read. */
  readonly s3Dir: string;
  /** How long a task stays creating, modifying or deleting (ms). */
  readonly transientMs: number;
  /** Runs fn after ms unless the sandbox closes first. */
  later(ms: number, fn: () => void): void;
  /** Tracks background work so close() can wait for it. */
  track(work: Promise<unknown>): void;
}

export interface Call {
  readonly sandbox: Sandbox;
  /** From the request's SigV4 credential scope (default us-east-1). */
  readonly region: string;
}

// biome-ignore lint/suspicious/noExplicitAny: request bodies are validated against the model first
export type Input = any;
export type Handler = (call: Call, input: Input) => unknown;
