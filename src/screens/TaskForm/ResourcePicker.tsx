// Enter on the instance or an endpoint field: the list to choose from. Instances come with the
// project's default first and unavailable ones shown but refused; endpoints of the field's type
// end with "Create new…", which opens the endpoint sub-form prefilled from the project.
import type { EndpointList } from '../../hooks/useEndpoints.js';
import type { ResourceList } from '../../hooks/useInstances.js';
import { type EndpointDraft, endpointDraftFromConnection } from '../../model/endpointDraft.js';
import type { Project } from '../../model/project.js';
import {
  CREATE_NEW_ENDPOINT,
  endpointChoices,
  instanceChoices,
} from '../../model/taskFormDisplay.js';
import type { TaskFormValues } from '../../model/taskFormState.js';
import { Picker } from './Picker.js';
import type { ReplicationInstance } from '../../model/instance.js';

export function ResourcePicker({
  field,
  values,
  instances,
  endpoints,
  project,
  height,
  onChosen,
  onCreateNew,
  onClose,
}: {
  field: 'instance' | 'source' | 'target';
  values: TaskFormValues;
  instances: ResourceList<ReplicationInstance>;
  endpoints: EndpointList;
  project?: Project;
  height: number;
  onChosen(patch: Partial<TaskFormValues>): void;
  onCreateNew(draft: EndpointDraft): void;
  onClose(): void;
}) {
  const key = field === 'instance' ? 'instanceArn' : field === 'source' ? 'sourceArn' : 'targetArn';
  const items =
    field === 'instance'
      ? instanceChoices(instances.data ?? [], project?.defaultReplicationInstance)
      : endpointChoices(endpoints.data ?? [], field);
  const list = field === 'instance' ? instances : endpoints;
  return (
    <Picker
      title={
        field === 'instance'
          ? 'Replication instance'
          : `${field === 'source' ? 'Source' : 'Target'} endpoint`
      }
      items={items}
      height={height}
      initialKey={values[key]}
      loading={list.loading}
      error={list.error}
      onClose={onClose}
      onPick={(item) => {
        if (item.key === CREATE_NEW_ENDPOINT && field !== 'instance') {
          onCreateNew(
            endpointDraftFromConnection({
              type: field,
              connection: project?.[field],
              projectName: project?.name,
              takenIdentifiers: (endpoints.data ?? []).map((e) => e.identifier),
            }),
          );
          return;
        }
        onChosen({ [key]: item.key });
      }}
    />
  );
}
