// A Services object for screen and hook tests: real AWS clients pointed at a given endpoint
// (usually an in-process sandbox), preferences in a temporary directory.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../../src/ui/services.js';
import { createAwsClients } from '../../src/aws/clients.js';
import { type AwsTarget, sandboxTarget } from '../../src/model/awsTarget.js';
import { openPreferences } from '../../src/config/preferences.js';

export function testServices(overrides: Partial<Services> & { target?: AwsTarget } = {}): Services {
  const target: AwsTarget = overrides.target ?? {
    sandbox: true,
    endpointUrl: 'http://127.0.0.1:9',
  };
  const services: Services = {
    target,
    clients: createAwsClients(target, { maxAttempts: 1 }),
    setTarget: (next) => {
      services.target = next;
      services.clients = createAwsClients(next, { maxAttempts: 1 });
    },
    preferences: openPreferences(mkdtempSync(join(tmpdir(), 'dmst-config-'))),
    readOnly: false,
    refreshSeconds: 5,
    setRefreshSeconds: (seconds) => {
      services.refreshSeconds = seconds;
    },
    // What Root does, without the target rule's flags: saved in the open project, remembered.
    chooseTarget: async (choice) => {
      const next: AwsTarget =
        choice.profile === 'sandbox'
          ? sandboxTarget(services.sandbox?.endpointUrl ?? services.target.endpointUrl)
          : { profile: choice.profile || undefined, region: choice.region };
      if (services.project && services.projects) {
        services.projects.save({ ...services.project, ...choice });
        services.project = services.projects.get(services.project.name);
      }
      services.preferences.update({ lastProfile: choice.profile, lastRegion: next.region });
      services.setTarget(next);
      return next;
    },
    ...overrides,
  };
  return services;
}
