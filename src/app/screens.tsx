// Which screens exist, their titles and their `:` names. Each screen adds one entry here.
import type { ComponentType } from 'react';
import type { GotoTarget } from '../model/goto.js';
import type { Route, ScreenId } from '../model/navigation.js';
import { ProfilesScreen } from '../screens/ProfilesScreen.js';
import { TaskFormScreen } from '../screens/TaskForm/TaskFormScreen.js';

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
  profiles: {
    title: () => 'Profiles',
    component: ProfilesScreen,
    goto: { name: 'profiles', aliases: ['profile', 'aws'], description: 'AWS profile and region' },
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
