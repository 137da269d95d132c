// The endpoints of the embedded demo: demo-source and demo-target, kept pointing at the demo
// databases' current ports.
import type { ConnectionSpec } from '../model/connection.js';
import { dmsArn, stableResourceId } from './arn.js';
import type { Store } from './store.js';
import { DEFAULT_REGION, type EndpointRecord } from './state.js';

export const DEMO_SOURCE_ID = 'demo-source';
export const DEMO_TARGET_ID = 'demo-target';

export function ensureDemoEndpoints(
  store: Store,
  demo: { source: ConnectionSpec; target: ConnectionSpec },
): void {
  const put = (identifier: string, type: 'source' | 'target', spec: ConnectionSpec) => {
    let endpoint = store.state.endpoints.find(
      (e) => e.identifier === identifier && e.arn.split(':')[3] === DEFAULT_REGION,
    );
    if (!endpoint) {
      endpoint = {
        arn: dmsArn(DEFAULT_REGION, 'endpoint', stableResourceId(`endpoint:${identifier}`)),
        identifier,
        type,
        engineName: 'postgres',
        sslMode: 'none',
        engineSettings: {},
        status: 'active',
        createdMs: Date.now(),
      } satisfies EndpointRecord;
      store.state.endpoints.push(endpoint);
    }
    endpoint.serverName = spec.host;
    endpoint.port = spec.port;
    endpoint.databaseName = spec.database;
    endpoint.username = spec.user;
    endpoint.password = spec.password;
    endpoint.sslMode = spec.sslMode;
  };
  put(DEMO_SOURCE_ID, 'source', demo.source);
  put(DEMO_TARGET_ID, 'target', demo.target);
  store.changed();
}
