// The navigation stack: which screen is on top, what is under it. Pure reducer.

export type ScreenId =
  | 'profiles'
  | 'tasks'
  | 'taskDetails'
  | 'tableStats'
  | 'logs'
  | 'projects'
  | 'connection'
  | 'browser'
  | 'taskForm';

export interface Route {
  screen: ScreenId;
  /** Screen-specific parameters (a task ARN, a selection…). */
  params?: Record<string, unknown>;
}

export interface NavigationState {
  stack: Route[];
}

export type NavigationAction =
  | { type: 'push'; route: Route }
  | { type: 'pop' }
  | { type: 'replace'; route: Route }
  /** Go to a top-level screen: the stack becomes just that screen. */
  | { type: 'goto'; route: Route };

export function initialNavigation(route: Route): NavigationState {
  return { stack: [route] };
}

export function navigationReducer(
  state: NavigationState,
  action: NavigationAction,
): NavigationState {
  switch (action.type) {
    case 'push': {
      const top = state.stack.at(-1);
      if (top && top.screen === action.route.screen && sameParams(top.params, action.route.params))
        return state;
      return { stack: [...state.stack, action.route] };
    }
    case 'pop':
      return state.stack.length > 1 ? { stack: state.stack.slice(0, -1) } : state;
    case 'replace':
      return { stack: [...state.stack.slice(0, -1), action.route] };
    case 'goto':
      return { stack: [action.route] };
  }
}

export function currentRoute(state: NavigationState): Route {
  const top = state.stack.at(-1);
  if (!top) throw new Error('navigation stack is empty');
  return top;
}

function sameParams(a?: Record<string, unknown>, b?: Record<string, unknown>): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}
