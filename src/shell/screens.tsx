// Which screens exist, their titles and their `:` names. Each screen adds one entry here.
import type { ComponentType } from 'react';
import type { GotoTarget } from '../model/goto.js';
import type { Route, ScreenId } from '../model/navigation.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { ConnectionScreen } from '../screens/ConnectionScreen.js';
import { ProfilesScreen } from '../screens/ProfilesScreen.js';
import { ProjectsScreen } from '../screens/ProjectsScreen.js';
import { SchemaBrowser } from '../screens/SchemaBrowser.js';
import { TaskFormScreen } from '../screens/TaskForm/TaskFormScreen.js';
import { LogView } from '../screens/LogView.js';
import { MigrationView } from '../screens/MigrationView.js';
import { TableStats } from '../screens/TableStats.js';
import { TaskDetails } from '../screens/TaskDetails.js';

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
  projects: {
    title: () => 'Projects',
    component: ProjectsScreen,
    goto: { name: 'project', aliases: ['projects'], description: 'Projects and their connections' },
  },
  connection: {
    title: (route) =>
      `${route.params?.side === 'target' ? 'Target' : 'Source'} connection (${String(route.params?.project ?? '')})`,
    component: ConnectionScreen,
  },
  browser: {
    title: () => 'Schema browser',
    component: SchemaBrowser,
    goto: {
      name: 'browser',
      aliases: ['schema', 'schemas'],
      description: 'Browse source and target schemas',
    },
  },
  taskForm: {
    title: () => 'Create DMS task',
    component: TaskFormScreen,
  },
};

export function gotoTargets(): GotoTarget[] {
  return Object.values(SCREENS).flatMap((entry) => (entry?.goto ? [entry.goto] : []));
}

export function screenForGoto(name: string): ScreenId | undefined {
  return (Object.keys(SCREENS) as ScreenId[]).find((id) => SCREENS[id]?.goto?.name === name);
}
