// The Create agent task form's state and actions: the draft, its checks, and Ctrl-s, which
// starts the agent if needed, hands it the task (with the project's source password, kept in
// the agent's memory only), starts it and opens the Agent screen.
import { useEffect, useState } from 'react';
import { defaultAgentDir } from '../agent/agentDir.js';
import { callAgent } from '../agent/control.js';
import { startAgent } from '../agent/launcher.js';
import {
  type AgentDraftField,
  type AgentTaskDraft,
  agentDraftErrors,
  cycleFormat,
  initialAgentDraft,
  specFromDraft,
} from '../model/agentTaskForm.js';
import { engineInfo } from '../model/connection.js';
import type { BrowserSelection } from '../model/project.js';
import { defaultInstance, matchingEndpoint } from '../model/taskFormState.js';
import { rowsFromSelection } from '../model/selectionMappings.js';
import { useNavigation } from '../ui/navigation.js';
import { useServices } from '../ui/services.js';
import { useEndpoints } from './useEndpoints.js';
import { useInstances } from './useInstances.js';
import { useProjectStore } from './useProjectStore.js';

export function useAgentTaskForm(selection: BrowserSelection) {
  const services = useServices();
  const navigation = useNavigation();
  const store = useProjectStore();
  const rows = rowsFromSelection(selection);
  const [draft, setDraft] = useState<AgentTaskDraft>(() =>
    initialAgentDraft(rows, services.project?.defaultReplicationInstance),
  );
  // Once the lists arrive, as the Create DMS task form does: the endpoint matching the project's
  // target connection and the project's (or the first available) instance, unless typed.
  const endpoints = useEndpoints();
  const instances = useInstances();
  const project = services.project;
  useEffect(() => {
    const target = project?.target;
    const endpoint =
      endpoints.data && target
        ? matchingEndpoint(endpoints.data, 'target', {
            ...target,
            dmsEngineName: engineInfo(target.engine).dmsEngineName,
          })
        : undefined;
    const instance = instances.data
      ? defaultInstance(instances.data, project?.defaultReplicationInstance)
      : undefined;
    setDraft((d) => ({
      ...d,
      targetEndpoint: d.targetEndpoint || endpoint?.identifier || '',
      instance: d.instance || instance?.identifier || '',
    }));
  }, [endpoints.data, instances.data, project]);
  const [errors, setErrors] = useState<Partial<Record<AgentDraftField, string>>>({});
  const [state, setState] = useState<{ busy: boolean; message?: string; error?: boolean }>({
    busy: false,
  });

  const change = (name: AgentDraftField, value: string) =>
    setDraft((d) => ({
      ...d,
      [name]: value,
      ...(name === 'name' && d.folder === d.name ? { folder: value } : {}),
    }));

  const create = () => {
    const found = agentDraftErrors(draft, services.target);
    setErrors(found);
    // The project as the store has it now: a password typed in the browser this run counts.
    const live =
      services.project && store.available
        ? (store.get(services.project.name) ?? services.project)
        : services.project;
    if (Object.keys(found).length > 0)
      return setState({ busy: false, message: 'Fix the fields marked in red first', error: true });
    if (!live?.source)
      return setState({
        busy: false,
        message: 'The project has no source connection',
        error: true,
      });
    const spec = specFromDraft(draft, live.source, live.name, rows, services.target);
    const dir = services.agent?.dir ?? defaultAgentDir();
    const password = live.source.password;
    setState({ busy: true, message: 'Handing the task to the agent…' });
    (async () => {
      await startAgent(dir, { cliArgs: services.agent?.cliArgs });
      await callAgent(dir, 'POST', '/tasks', { spec, password });
      await callAgent(dir, 'POST', `/tasks/${encodeURIComponent(spec.name)}/start`, { password });
    })().then(
      () => navigation.goto({ screen: 'agent' }),
      (error: Error) =>
        setState({
          busy: false,
          message: `Cannot create the agent task: ${error.message.split('\n')[0]}`,
          error: true,
        }),
    );
  };

  return {
    draft,
    errors,
    state,
    rows,
    change,
    create,
    cycleFormat: (step: 1 | -1) => setDraft((d) => ({ ...d, format: cycleFormat(d.format, step) })),
  };
}
