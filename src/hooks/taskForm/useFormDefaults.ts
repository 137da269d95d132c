// Defaults once the lists arrive: a free task name (not taken by an existing task), the
// project's replication instance, and the endpoints matching the project's connections. None
// of these counts as a change by the user, and none replaces a choice already made.
import { type Dispatch, useEffect } from 'react';
import { useServices } from '../../ui/services.js';
import { listTasks } from '../../aws/tasks.js';
import type { EndpointList } from '../useEndpoints.js';
import type { ResourceList } from '../useInstances.js';
import { engineInfo } from '../../model/connection.js';
import { freeIdentifier } from '../../model/identifiers.js';
import type { Project } from '../../model/project.js';
import type { ReplicationInstance } from '../../model/instance.js';
import {
  defaultInstance,
  matchingEndpoint,
  type TaskFormAction,
  type TaskFormValues,
} from '../../model/taskFormState.js';

export function useFormDefaults({
  dispatch,
  values,
  stem,
  instances,
  endpoints,
  project,
}: {
  dispatch: Dispatch<TaskFormAction>;
  values: TaskFormValues;
  stem: string;
  instances: ResourceList<ReplicationInstance>;
  endpoints: EndpointList;
  project?: Project;
}): void {
  const { clients } = useServices();
  useEffect(() => {
    let live = true;
    listTasks(clients).then(
      ({ tasks }) =>
        live &&
        dispatch({
          type: 'preset',
          patch: {
            name: freeIdentifier(
              stem,
              tasks.map((t) => t.id),
              'task',
            ),
          },
        }),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [clients, stem, dispatch]);

  useEffect(() => {
    if (!instances.data || values.instanceArn) return;
    const pick = defaultInstance(instances.data, project?.defaultReplicationInstance);
    if (pick) dispatch({ type: 'preset', patch: { instanceArn: pick.arn } });
  }, [instances.data, values.instanceArn, project?.defaultReplicationInstance, dispatch]);

  useEffect(() => {
    if (!endpoints.data) return;
    for (const type of ['source', 'target'] as const) {
      const key = type === 'source' ? 'sourceArn' : 'targetArn';
      if (values[key]) continue;
      const c = project?.[type];
      const match = c
        ? matchingEndpoint(endpoints.data, type, {
            ...c,
            dmsEngineName: engineInfo(c.engine).dmsEngineName,
          })
        : undefined;
      if (match) dispatch({ type: 'preset', patch: { [key]: match.arn } });
    }
  }, [endpoints.data, values, project, dispatch]);
}
