// Holds the switchable parts of Services (AWS target, refresh interval, sandbox) in React state
// and renders the App with them. cli.tsx renders this; tests render <App/> with Services of
// their own.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ClientOptions, createAwsClients } from '../aws/clients.js';
import type { AwsTarget } from '../model/awsTarget.js';
import { resolveTarget, type TargetFlags, type TargetInputs } from '../model/targetRule.js';
import type { ProjectsStore } from '../config/projects.js';
import { CatalogSessions } from '../db/catalog/session.js';
import type { Route } from '../model/navigation.js';
import type { Project } from '../model/project.js';
import { App } from './App.js';
import type { SandboxInfo, Services } from '../ui/services.js';

export type RootConfig = Pick<
  Services,
  | 'preferences'
  | 'readOnly'
  | 'refreshSeconds'
  | 'sandbox'
  | 'startSandbox'
  | 'taskDrafts'
  | 'metricsSeconds'
  | 'bell'
> & {
  target: AwsTarget;
  /** The project store (projects screen, schema browser); see src/config/projects.ts. */
  projects?: ProjectsStore;
  /** Open this project at start (--project NAME, or the demo project on a fresh machine). */
  initialProject?: string;
  /** The command line's flags and the environment: opening a project resolves the target again
   *  with them, by the same rule as at start (src/model/targetRule.ts). */
  targetInputs?: Pick<TargetInputs, 'flags' | 'env'>;
  /** Options for every client built here (tests: a check on each request's URL). */
  clientOptions?: ClientOptions;
};

export function Root({
  config,
  initialRoute,
  notice,
}: {
  config: RootConfig;
  initialRoute: Route;
  notice?: string;
}) {
  const [target, setTarget] = useState<AwsTarget>(config.target);
  const [refreshSeconds, setRefreshSeconds] = useState(config.refreshSeconds);
  const [sandbox, setSandbox] = useState<SandboxInfo | undefined>(config.sandbox);
  const [project, setProject] = useState<Project | undefined>(() =>
    config.initialProject ? config.projects?.get(config.initialProject) : undefined,
  );
  const catalogs = useMemo(() => new CatalogSessions(), []);
  const flags = useRef<TargetFlags>(config.targetInputs?.flags ?? {});
  useEffect(() => () => void catalogs.closeAll(), [catalogs]);
  // On a fresh machine the sandbox's demo becomes the "demo" project and is opened.
  useEffect(() => {
    const demo = sandbox?.demo && config.projects?.ensureDemo(sandbox.demo);
    if (demo) {
      config.projects?.touch(demo.name);
      setProject(demo);
    }
  }, [sandbox, config.projects]);
  /** Resolves where calls go by the one rule (src/model/targetRule.ts) and switches to it,
   *  starting the sandbox first when the rule picks it and it is not up. */
  const retarget = useCallback(
    async (inputs: TargetInputs): Promise<AwsTarget> => {
      const resolved = resolveTarget({ ...inputs, sandboxUrl: sandbox?.endpointUrl });
      setTarget(resolved.target);
      if (!resolved.needsSandbox || !config.startSandbox) return resolved.target;
      const info = await config.startSandbox();
      setSandbox(info);
      const started = resolveTarget({ ...inputs, sandboxUrl: info.endpointUrl }).target;
      setTarget(started);
      return started;
    },
    [config.startSandbox, sandbox],
  );
  const clients = useMemo(
    () => createAwsClients(target, config.clientOptions),
    [target, config.clientOptions],
  );
  useEffect(() => () => clients.destroy(), [clients]);

  const services = useMemo<Services>(
    () => ({
      ...config,
      target,
      clients,
      setTarget,
      refreshSeconds,
      setRefreshSeconds: (seconds) => {
        setRefreshSeconds(seconds);
        config.preferences.update({ refreshSeconds: seconds });
      },
      sandbox,
      project,
      projects: config.projects,
      catalogs,
      openProject: (name) => {
        const next = name === null ? undefined : config.projects?.get(name);
        setProject(next);
        if (!next || !config.projects) return;
        config.projects.touch(next.name);
        // A sandbox project whose sandbox is not up yet gets the sandbox target without an
        // address at once (its clients refuse every call), never the previous target.
        void retarget({ ...config.targetInputs, flags: flags.current, project: next }).catch(
          () => undefined,
        );
      },
      chooseTarget: async (choice) => {
        const region = choice.profile === 'sandbox' ? undefined : choice.region;
        let next = project;
        if (project && config.projects) {
          config.projects.save({ ...project, profile: choice.profile, region });
          next = config.projects.get(project.name);
          setProject(next);
        }
        config.preferences.update({ lastProfile: choice.profile, lastRegion: region });
        // The choice replaces the command line's --sandbox/--profile/--region (an
        // --endpoint-url stays for a profile: a VPC endpoint is not a profile's business).
        flags.current =
          choice.profile === 'sandbox' ? {} : { endpointUrl: flags.current.endpointUrl };
        return retarget({
          ...config.targetInputs,
          flags: flags.current,
          project: next,
          preferences: config.preferences.get(),
        });
      },
      startSandbox: config.startSandbox
        ? async () => {
            const info = await config.startSandbox!();
            setSandbox(info);
            return info;
          }
        : undefined,
    }),
    [config, target, clients, refreshSeconds, sandbox, project, catalogs, retarget],
  );
  return <App services={services} initialRoute={initialRoute} notice={notice} />;
}
