// The saved projects, re-read after every change made through the returned `change` wrapper.
import { useCallback, useState } from 'react';
import { useServices } from '../ui/services.js';
import type { ProjectSummary, ProjectsStore } from '../config/projects.js';

export function useProjects(): {
  store?: ProjectsStore;
  projects: ProjectSummary[];
  /** Runs a store change; returns its error as one line (or null) and refreshes the list. */
  change: (action: (store: ProjectsStore) => void) => string | null;
} {
  const { projects: store } = useServices();
  const [version, setVersion] = useState(0);
  const projects = store ? store.list() : [];
  void version;
  const change = useCallback(
    (action: (store: ProjectsStore) => void) => {
      if (!store) return 'No project store in this run';
      try {
        action(store);
        return null;
      } catch (error) {
        return (error as Error).message.split('\n')[0] ?? 'Failed';
      } finally {
        setVersion((v) => v + 1);
      }
    },
    [store],
  );
  return { store, projects, change };
}
