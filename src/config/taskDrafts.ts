// Drafts of the Create DMS Task form, one per project, in task-drafts.json (mode 0600). A draft
// holds the form's values only: ARNs, names, choices and mapping rules, never a password. Its
// schema (src/model/configSchemas.ts) bounds every value: text beyond a field's limit is cut
// before saving, and a draft that still does not fit is not saved.
import {
  FILE_LIMITS,
  type TaskDraftsFile,
  taskDraftSchema,
  taskDraftsSchema,
} from '../model/configSchemas.js';
import type { TaskDraftStore } from '../model/taskFormState.js';
import { openStore } from './store.js';

export interface TaskDraftsStore extends TaskDraftStore {
  /** Set when task-drafts.json was unreadable or invalid and was moved aside. */
  notice?: string;
}

export function openTaskDrafts(cwd?: string): TaskDraftsStore {
  const store = openStore<TaskDraftsFile>(
    {
      name: 'task-drafts',
      noun: 'a task drafts file',
      defaults: { drafts: {} },
      schema: taskDraftsSchema,
      maxBytes: FILE_LIMITS.taskDrafts,
    },
    cwd,
  );
  const all = () => ({ ...store.read().drafts });
  const write = (drafts: TaskDraftsFile['drafts']) => {
    try {
      store.write({ ...store.read(), drafts });
    } catch {
      // Not saved (too many mapping rows, the file at its limit, a full disk): the form still
      // holds the values; only the draft is not kept.
    }
  };
  return {
    get notice() {
      return store.notice;
    },
    load: (project) => (Object.hasOwn(all(), project) ? all()[project] : undefined),
    save(project, draft) {
      const fitted = taskDraftSchema.fit(draft);
      if (taskDraftSchema.check(fitted, 'draft')) return;
      write({ ...all(), [project]: fitted });
    },
    clear(project) {
      const drafts = all();
      if (!Object.hasOwn(drafts, project)) return;
      delete drafts[project];
      write(drafts);
    },
  };
}
