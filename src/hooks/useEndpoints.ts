// The DMS endpoints for the form, extended at once with an endpoint the form has just created.
import { listEndpoints } from '../aws/endpoints.js';
import type { Endpoint } from '../model/endpoint.js';
import { type ResourceList, useResourceList } from './useResourceList.js';

export type EndpointList = ResourceList<Endpoint>;

export function useEndpoints(): EndpointList {
  return useResourceList({ fetch: listEndpoints, key: (e) => e.arn });
}
