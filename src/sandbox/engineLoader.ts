// The full-load engine and the demo databases (src/sandbox/engine, src/sandbox/demo), loaded
// on first use so a sandbox without demo starts fast and loads no database driver.
import type { DemoDatabases } from './demo/index.js';
import type { RunFullLoad, RunS3FullLoad } from './engine/types.js';

export type { DemoDatabases };

export const defaultRunFullLoad: RunFullLoad = async (job) => {
  const { runFullLoad } = await import('./engine/index.js');
  return runFullLoad(job);
};

export const defaultRunS3FullLoad: RunS3FullLoad = async (job) => {
  const { runS3FullLoad } = await import('./engine/s3Source/index.js');
  return runS3FullLoad(job);
};

export async function startDemoDatabases(opts: {
  dataDir: string;
  basePort: number;
}): Promise<DemoDatabases> {
  const demo = await import('./demo/index.js');
  return demo.startDemoDatabases(opts);
}
