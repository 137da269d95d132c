// Navigation context over the pure reducer in src/model/navigation.ts. Only the screen on top
// of the stack is mounted; a screen that wants its cursor back when the user returns keeps it
// with useRouteState.
import { createContext, type ReactNode, useContext, useMemo, useReducer, useRef } from 'react';
import {
  currentRoute,
  initialNavigation,
  navigationReducer,
  type Route,
} from '../model/navigation.js';

export interface NavigationApi {
  stack: Route[];
  route: Route;
  push(route: Route): void;
  pop(): void;
  replace(route: Route): void;
  goto(route: Route): void;
  /** Per-route memory that survives the screen being unmounted under another one. */
  memory: Map<string, unknown>;
}

const NavigationContext = createContext<NavigationApi | null>(null);

export function NavigationProvider({ initial, children }: { initial: Route; children: ReactNode }) {
  const [state, dispatch] = useReducer(navigationReducer, initial, initialNavigation);
  const memory = useRef(new Map<string, unknown>()).current;
  const api = useMemo<NavigationApi>(
    () => ({
      stack: state.stack,
      route: currentRoute(state),
      push: (route) => dispatch({ type: 'push', route }),
      pop: () => dispatch({ type: 'pop' }),
      replace: (route) => dispatch({ type: 'replace', route }),
      goto: (route) => dispatch({ type: 'goto', route }),
      memory,
    }),
    [state, memory],
  );
  return <NavigationContext.Provider value={api}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): NavigationApi {
  const api = useContext(NavigationContext);
  if (!api) throw new Error('useNavigation() called outside <NavigationProvider>');
  return api;
}
