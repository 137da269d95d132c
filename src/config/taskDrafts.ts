// Drafts of the Create DMS Task form, one per project, in task-drafts.json (mode 0600). A draft
// holds the form's values only: ARNs, names, choices and mapping rules, never a password.
import type { TaskDraftStore, TaskFormDraft } from '../model/taskFormState.js';
import { openStore } from './store.js';

type DraftFile = { drafts: Record<string, TaskFormDraft> };

export function openTaskDrafts(cwd?: string): TaskDraftStore {
  const { store } = openStore<DraftFile>('task-drafts', { drafts: {} }, cwd);
  const all = () => ({ ...(store.get('drafts') ?? {}) });
  return {
    load: (project) => all()[project],
    save(project, draft) {
      store.set('drafts', { ...all(), [project]: draft });
    },
    clear(project) {
      const drafts = all();
      if (!(project in drafts)) return;
      delete drafts[project];
      store.set('drafts', drafts);
    },
  };
}
