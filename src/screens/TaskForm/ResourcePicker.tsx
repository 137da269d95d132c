// Enter on the instance or an endpoint field: the list to choose from. Instances come with the
// project's default first and unavailable ones shown but refused; endpoints of the field's type
// end with "Create new…", which opens the endpoint sub-form prefilled from the project.
import type { EndpointList } from '../../hooks/useEndpoints.js';
import type { ResourceList } from '../../hooks/useInstances.js';
import { type EndpointDraft, endpointDraftFromConnection } from '../../model/endpointDraft.js';
import type { Project } from '../../model/project.js';
import type { ReplicationInstance } from '../../model/instance.js';
import type { TaskFormValues } from '../../model/taskFormState.js';
import { describeEndpoint, describeInstance } from './FieldRows.js';
import { Picker, type PickerItem } from './Picker.js';

const CREATE_NEW = '__create_new__';

/** The project's default instance at the top of the list, the others in DMS's order. */
export function defaultFirst(
  instances: readonly ReplicationInstance[],
  preferred: string | undefined,
): ReplicationInstance[] {
  const key = preferred?.toLowerCase();
  const first = instances.filter((i) => i.identifier.toLowerCase() === key);
  return [...first, ...instances.filter((i) => !first.includes(i))];
}

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
  const items: PickerItem[] =
    field === 'instance'
      ? defaultFirst(instances.data ?? [], project?.defaultReplicationInstance).map((i) => ({
          key: i.arn,
          label: describeInstance(i),
          disabledReason:
            i.status === 'available'
              ? undefined
              : `${i.identifier} is ${i.status}: choose an available instance`,
        }))
      : [
          ...(endpoints.data ?? [])
            .filter((e) => e.type === field)
            .map((e) => ({ key: e.arn, label: describeEndpoint(e) })),
          {
            key: CREATE_NEW,
            label: `Create new ${field} endpoint…`,
            detail: "from the project's connection",
          },
        ];
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
        if (item.key === CREATE_NEW && field !== 'instance') {
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
