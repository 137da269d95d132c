// The full-load engine and the demo databases (src/sandbox/engine, src/sandbox/demo), loaded
// on first use so a sandbox without demo starts fast and needs no database driver.
import type { ConnectionSpec } from '../model/connection.js';
import type { RunFullLoad } from './engine/types.js';

export interface DemoDatabases {
  source: ConnectionSpec;
  target: ConnectionSpec;
  close(): Promise<void>;
}

// Until the engine and demo modules are merged these specifiers are not literal, so the
// type checker does not require them to exist yet.
const ENGINE_MODULE = './engine/index.js';
const DEMO_MODULE = './demo/index.js';

export const defaultRunFullLoad: RunFullLoad = async (job) => {
  const { runFullLoad } = (await import(ENGINE_MODULE)) as { runFullLoad: RunFullLoad };
  return runFullLoad(job);
};

export async function startDemoDatabases(opts: {
  dataDir: string;
  basePort: number;
}): Promise<DemoDatabases> {
  const mod = (await import(DEMO_MODULE)) as {
    startDemoDatabases(o: { dataDir: string; basePort: number }): Promise<DemoDatabases>;
  };
  return mod.startDemoDatabases(opts);
}
