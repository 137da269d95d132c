// Which screens exist, their titles and their `:` names. Each screen adds one entry here.
import type { ComponentType } from 'react';
import type { GotoTarget } from '../model/goto.js';
import type { Route, ScreenId } from '../model/navigation.js';
import { LogView } from '../screens/LogView.js';
import { MigrationView } from '../screens/MigrationView.js';
import { ProfilesScreen } from '../screens/ProfilesScreen.js';
import { TableStats } from '../screens/TableStats.js';
import { TaskDetails } from '../screens/TaskDetails.js';

export interface ScreenProps {
  params?: Record<string, unknown>;
}

export interface ScreenEntry {
  title: (route: Route) => string;
  component: ComponentType<ScreenProps>;
  /** Present for top-level screens reachable with `:`. */
  goto?: GotoTarget;
}

export const SCREENS: Partial<Record<ScreenId, ScreenEntry>> = {
  tasks: {
    title: () => 'Tasks',
    component: MigrationView,
    goto: {
      name: 'tasks',
      aliases: ['migration', 'dmv'],
      description: 'Data Migration View: replication tasks, live',
    },
  },
  taskDetails: {
    title: (route) => `Task ${String(route.params?.id ?? '')}`,
    component: TaskDetails,
  },
  tableStats: {
    title: (route) => `Tables of ${String(route.params?.id ?? '')}`,
    component: TableStats,
  },
  logs: {
    title: (route) => `Log of ${String(route.params?.id ?? '')}`,
    component: LogView,
  },
  profiles: {
    title: () => 'Profiles',
    component: ProfilesScreen,
    goto: { name: 'profiles', aliases: ['profile', 'aws'], description: 'AWS profile and region' },
  },
};

export function gotoTargets(): GotoTarget[] {
  return Object.values(SCREENS).flatMap((entry) => (entry?.goto ? [entry.goto] : []));
}

export function screenForGoto(name: string): ScreenId | undefined {
  return (Object.keys(SCREENS) as ScreenId[]).find((id) => SCREENS[id]?.goto?.name === name);
}
