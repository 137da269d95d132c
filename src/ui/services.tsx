// Services: everything a screen or hook needs from the outside world, built once by cli.tsx
// (or by a test, pointed at an in-process sandbox) and provided through context. Nothing below
// src/app constructs clients or stores itself; tests never mock modules.
import { createContext, type ReactNode, useContext } from 'react';
import type { AwsClients } from '../aws/clients.js';
import type { AwsTarget } from '../model/awsTarget.js';
import type { PreferencesStore } from '../config/preferences.js';
import type { ProjectsStore } from '../config/projects.js';
import type { CatalogSessions } from '../db/catalog/session.js';
import type { ConnectionSpec } from '../model/connection.js';
import type { Project } from '../model/project.js';
import type { TaskDraftStore } from '../model/taskFormState.js';

export interface SandboxInfo {
  endpointUrl: string;
  demo?: { source: ConnectionSpec; target: ConnectionSpec };
}

/** A profile ("sandbox" = the local sandbox, "" = the default chain) and a region. */
export interface TargetChoice {
  profile: string;
  region?: string;
}

export interface Services {
  /** Where AWS calls go now; the profiles screen can change it. */
  target: AwsTarget;
  /** DMS and Logs clients for `target`. */
  clients: AwsClients;
  /** Switch profile/region/endpoint: rebuilds the clients. Screens use chooseTarget. */
  setTarget(target: AwsTarget): void;
  /** The user's choice of where calls go (`:profiles`): saved in the open project (else as the
   *  remembered preference), then the target resolved again by the one rule. Rejects with one
   *  line (the sandbox cannot start, the project cannot be saved). */
  chooseTarget?: (choice: TargetChoice) => Promise<AwsTarget>;
  preferences: PreferencesStore;
  /** --read-only: dangerous commands are not bound at all. */
  readOnly: boolean;
  /** Polling interval in seconds (--refresh, or changed on screen). */
  refreshSeconds: number;
  setRefreshSeconds(seconds: number): void;
  /** Set when the app runs against the local sandbox (--sandbox / npm start). */
  sandbox?: SandboxInfo;
  /** Starts (or finds) the local sandbox; offered as the "sandbox" profile. */
  startSandbox?: () => Promise<SandboxInfo>;
  /** The open project (source/target connections, default instance), if any. */
  project?: Project;
  /** Saved projects (projects.json) and this run's unremembered passwords. */
  projects?: ProjectsStore;
  /** Opens a saved project (re-reads it after an edit); null closes it. Sets the AWS target. */
  openProject?: (name: string | null) => void;
  /** Catalog connections and what they loaded, cached for the whole run. */
  catalogs?: CatalogSessions;
  /** The replication agent the Agent screen shows: its data dir, and the command that runs the
   *  CLI when the screen starts it (default: this process's own script). */
  agent?: { dir: string; cliArgs?: string[] };
  /** Where the Create Task form keeps a draft left by quitting (per project). */
  taskDrafts?: TaskDraftStore;
  /** How often CloudWatch metrics (lag, sparklines) are fetched, in seconds (default 30, the
   *  sandbox 5: model/awsTarget.ts metricsIntervalSeconds). */
  metricsSeconds?: number;
  /** Rings the terminal bell (a new alert); absent: silent. */
  bell?: () => void;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() called outside <ServicesProvider>');
  return services;
}
