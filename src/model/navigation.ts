// The navigation stack: which screen is on top, what is under it, and what each screen is
// opened with (its route parameters, typed per screen). Pure reducer.
import type { BrowserSelection, Side } from './project.js';

/** A screen opened without parameters. */
export type NoParams = Record<string, never>;

/** The parameters each screen is opened with. */
export interface RouteParams {
  profiles: NoParams;
  /** The Data Migration View; `focusTaskArn` focuses that task once it is listed. */
  tasks: { focusTaskArn?: string };
  /** `json` opens the full JSON straight away. */
  taskDetails: { arn: string; id: string; json?: boolean };
  /** `cdc`: the task captures changes (its statistics show the change counts). */
  tableStats: { arn: string; id: string; cdc?: boolean };
  /** One table's data validation failures (the table as the task's statistics name it). */
  validationFailures: { arn: string; id: string; schema: string; table: string };
  /** One failure's source and target rows side by side; `key` in primary-key order. */
  validationDiff: {
    arn: string;
    id: string;
    schema: string;
    table: string;
    key: (string | null)[];
    type: string;
  };
  /** The task's CloudWatch log group and stream; `status` is the task's when opened. */
  logs: { arn: string; id: string; group: string; stream: string; status?: string };
  projects: NoParams;
  /** `timeoutMs` bounds the connection test (tests shorten it). */
  connection: { project: string; side: Side; timeoutMs?: number };
  browser: NoParams;
  /** Failed and lagging tasks, with the time each alert was raised. */
  alerts: NoParams;
  instances: NoParams;
  endpoints: NoParams;
  /** The recent status-line messages. */
  messages: NoParams;
  /** What the schema browser marked; `largestLobBytes` skips measuring the LOBs; `modify`
   *  opens the same form on an existing task (ModifyReplicationTask). */
  taskForm: {
    selection?: BrowserSelection;
    largestLobBytes?: number;
    modify?: { arn: string; id: string };
  };
  /** The replication agent and its Local & DMS tasks. */
  agent: NoParams;
  /** Create an agent task for what the schema browser marked. */
  agentTaskForm: { selection: BrowserSelection };
}

export type ScreenId = keyof RouteParams;

/** A route to one screen: `params` may be left out only when every parameter is optional. */
export type RouteTo<S extends ScreenId> = S extends ScreenId
  ? // biome-ignore lint/complexity/noBannedTypes: "{} extends P" asks whether P is all optional
    {} extends RouteParams[S]
    ? { screen: S; params?: RouteParams[S] }
    : { screen: S; params: RouteParams[S] }
  : never;

/** The screens that open without parameters (the `:` go-to targets are among them). */
export type ParamlessScreen = {
  // biome-ignore lint/complexity/noBannedTypes: "{} extends P" asks whether P is all optional
  [S in ScreenId]: {} extends RouteParams[S] ? S : never;
}[ScreenId];

/** A route to any screen: a union discriminated by `screen`. */
export type Route = RouteTo<ScreenId>;

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

function sameParams(a?: object, b?: object): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}
