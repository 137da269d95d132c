// Which screens exist, their titles and their `:` names. Each screen adds one entry here, typed
// by its route parameters (RouteParams).
import type { ComponentType } from 'react';
import type { GotoTarget } from '../model/goto.js';
import type { ParamlessScreen, Route, RouteParams, ScreenId } from '../model/navigation.js';
import type { ScreenProps } from '../ui/screenProps.js';
import { keyLabel } from '../model/validationFailures.js';
import { AgentScreen } from '../screens/AgentScreen.js';
import { AgentTaskForm } from '../screens/AgentTaskForm.js';
import { AlertsScreen } from '../screens/AlertsScreen.js';
import { ConnectionScreen } from '../screens/ConnectionScreen.js';
import { EndpointsScreen } from '../screens/EndpointsScreen.js';
import { InstancesScreen } from '../screens/InstancesScreen.js';
import { ProfilesScreen } from '../screens/ProfilesScreen.js';
import { ProjectsScreen } from '../screens/ProjectsScreen.js';
import { SchemaBrowser } from '../screens/SchemaBrowser.js';
import { TaskFormScreen } from '../screens/TaskForm/TaskFormScreen.js';
import { LogView } from '../screens/LogView.js';
import { MessagesScreen } from '../screens/MessagesScreen.js';
import { MigrationView } from '../screens/MigrationView.js';
import { TableStats } from '../screens/TableStats.js';
import { TaskDetails } from '../screens/TaskDetails.js';
import { ValidationDiffScreen } from '../screens/ValidationDiffScreen.js';
import { ValidationFailuresScreen } from '../screens/ValidationFailuresScreen.js';

export interface ScreenEntry<S extends ScreenId> {
  /** The breadcrumb ({} for a screen opened without params). */
  title: (params: RouteParams[S]) => string;
  component: ComponentType<ScreenProps<S>>;
  /** Present for top-level screens reachable with `:` (they open without params). */
  goto?: S extends ParamlessScreen ? GotoTarget : never;
}

export const SCREENS: { [S in ScreenId]?: ScreenEntry<S> } = {
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
    title: (params) => `Task ${params.id}`,
    component: TaskDetails,
  },
  tableStats: {
    title: (params) => `Tables of ${params.id}`,
    component: TableStats,
  },
  validationFailures: {
    title: (params) => `Validation failures of ${params.table}`,
    component: ValidationFailuresScreen,
  },
  validationDiff: {
    title: (params) => `Rows of key ${keyLabel({ key: params.key, keyText: '' })}`,
    component: ValidationDiffScreen,
  },
  logs: {
    title: (params) => `Log of ${params.id}`,
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
    title: (params) =>
      `${params.side === 'target' ? 'Target' : 'Source'} connection (${params.project})`,
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
  endpoints: {
    title: () => 'Endpoints',
    component: EndpointsScreen,
    goto: {
      name: 'endpoints',
      aliases: ['endpoint', 'ep'],
      description: 'DMS endpoints: test, modify, delete',
    },
  },
  instances: {
    title: () => 'Replication instances',
    component: InstancesScreen,
    goto: {
      name: 'instances',
      aliases: ['instance', 'ri'],
      description: 'Replication instances and their tasks',
    },
  },
  taskForm: {
    title: (params) => (params.modify ? `Modify ${params.modify.id}` : 'Create DMS task'),
    component: TaskFormScreen,
  },
  messages: {
    title: () => 'Messages',
    component: MessagesScreen,
    goto: {
      name: 'messages',
      aliases: ['msgs', 'errors'],
      description: 'Recent status-line messages, in full, with times',
    },
  },
  alerts: {
    title: () => 'Alerts',
    component: AlertsScreen,
    goto: {
      name: 'alerts',
      aliases: ['alert', 'alarms'],
      description: 'Failed or lagging tasks, with the time',
    },
  },
  agent: {
    title: () => 'Agent',
    component: AgentScreen,
    goto: {
      name: 'agent',
      aliases: ['agents', 'replication-agent'],
      description: 'Replication agent: Local & DMS tasks via S3',
    },
  },
  agentTaskForm: {
    title: () => 'Create agent task',
    component: AgentTaskForm,
  },
};

/** The registry seen through one route: its entry, whatever the screen (the one place where
 *  the screen id and its params are known to belong together). */
interface RouteEntry {
  title: (params: object) => string;
  component: ComponentType<{ params?: object }>;
}

function entryFor(route: Route): RouteEntry | undefined {
  return SCREENS[route.screen] as RouteEntry | undefined;
}

/** The breadcrumb of a route. */
export function routeTitle(route: Route): string {
  return entryFor(route)?.title(route.params ?? {}) ?? route.screen;
}

/** The component that draws a route's screen, given that route's params. */
export function routeComponent(route: Route): ComponentType<{ params?: object }> | undefined {
  return entryFor(route)?.component;
}

export function gotoTargets(): GotoTarget[] {
  return Object.values(SCREENS).flatMap((entry) => (entry?.goto ? [entry.goto] : []));
}

export function screenForGoto(name: string): ParamlessScreen | undefined {
  // Only paramless screens may have a `goto` (ScreenEntry says so).
  return (Object.keys(SCREENS) as ParamlessScreen[]).find((id) => SCREENS[id]?.goto?.name === name);
}
