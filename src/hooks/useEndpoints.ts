// The DMS endpoints for the form, extended at once with an endpoint the form has just created.
import { listEndpoints } from '../aws/endpoints.js';
import type { EndpointSummary } from '../model/taskFormState.js';
import { type ResourceList, useResourceList } from './useResourceList.js';

export type EndpointList = ResourceList<EndpointSummary>;

export function useEndpoints(): EndpointList {
  return useResourceList({ fetch: listEndpoints, action: 'DescribeEndpoints', key: (e) => e.arn });
}
