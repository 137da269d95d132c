// What the agent process uses from outside: the app's S3 client (src/aws/s3.ts) as the agent's
// object store, DMS clients for the task's AWS target, and the source password from the
// project store or DMS_TUI_SOURCE_PASSWORD when no prompt handed one over. The S3 SDK is loaded
// as the agent starts (the app itself loads it on first use), so the first partitions do not
// wait for it.
import { createAwsClients } from '../aws/clients.js';
import { createS3 } from '../aws/s3.js';
import { loadLibStorage, loadS3 } from '../aws/sdk.js';
import { openProjects } from '../config/projects.js';
import type { AgentTaskSpec } from '../model/agentTask.js';
import type { AgentDeps } from './agent.js';
import type { ObjectStore } from './objectStore.js';

export const PASSWORD_ENV = 'DMS_TUI_SOURCE_PASSWORD';

/** Each partition in flight uploads one part at a time, of S3's smallest size: the partitions
 *  already upload in parallel, and the agent's memory stays bounded by `--parallel`, whatever
 *  the size of a table or of its rows. */
const AGENT_UPLOAD = { partSize: 5 * 1024 * 1024, queueSize: 1 };

async function objectStore(spec: AgentTaskSpec): Promise<ObjectStore> {
  const s3 = createS3(spec.aws, { retryMode: 'standard' });
  try {
    // The sandbox makes the bucket; on AWS it must exist already, in the instance's region.
    if (spec.aws.sandbox) await s3.ensureBucket(spec.bucket);
    else if (!(await s3.bucketExists(spec.bucket)))
      throw new Error(
        `no S3 bucket "${spec.bucket}" (create it in the replication instance's region)`,
      );
  } catch (error) {
    s3.destroy();
    throw error;
  }
  return {
    upload: async (key, body) => {
      await s3.putStream(spec.bucket, key, body, AGENT_UPLOAD);
    },
    putText: async (key, text) => {
      await s3.putStream(spec.bucket, key, text, { contentType: 'application/json' });
    },
    deletePrefix: (prefix) => s3.deletePrefix(spec.bucket, prefix),
    close: () => s3.destroy(),
  };
}

export function agentDeps(env = process.env): AgentDeps {
  return {
    store: objectStore,
    clients: (spec) => createAwsClients(spec.aws, { retryMode: 'standard' }),
    storedPassword(spec) {
      if (spec.project) {
        const password = openProjects().get(spec.project)?.source?.password;
        if (password !== undefined) return password;
      }
      return env[PASSWORD_ENV];
    },
    pollMs: Number(env.DMS_TUI_AGENT_POLL_MS) || 2000,
    warm() {
      void Promise.all([loadS3(), loadLibStorage()]).catch(() => undefined);
    },
  };
}
