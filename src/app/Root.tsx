// Holds the switchable parts of Services (AWS target, refresh interval, sandbox) in React state
// and renders the App with them. cli.tsx renders this; tests render <App/> with Services of
// their own.
import { useEffect, useMemo, useState } from 'react';
import { createAwsClients } from '../aws/clients.js';
import type { AwsTarget } from '../aws/target.js';
import type { Route } from '../model/navigation.js';
import { App } from './App.js';
import type { SandboxInfo, Services } from './services.js';

export type RootConfig = Pick<
  Services,
  'preferences' | 'readOnly' | 'refreshSeconds' | 'sandbox' | 'startSandbox'
> & {
  target: AwsTarget;
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
  const clients = useMemo(() => createAwsClients(target), [target]);
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
      startSandbox: config.startSandbox
        ? async () => {
            const info = await config.startSandbox!();
            setSandbox(info);
            return info;
          }
        : undefined,
    }),
    [config, target, clients, refreshSeconds, sandbox],
  );
  return <App services={services} initialRoute={initialRoute} notice={notice} />;
}
