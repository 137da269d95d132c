// THE key table: every command the app knows, its default keys, a description, the scope it
// lives in, and whether it changes things in AWS (dropped under --read-only). Screens bind
// handlers to command ids (see useBindings); the footer hints and the `?` help overlay are
// drawn from here, so they never drift from what the keys do.

export type Scope =
  | 'global'
  | 'list'
  | 'dialog'
  | 'prompt'
  | 'profiles'
  | 'tasks'
  | 'taskDetails'
  | 'tableStats'
  | 'validationFailures'
  | 'validationDiff'
  | 'logs'
  | 'projects'
  | 'connection'
  | 'browser'
  | 'taskForm'
  | 'taskFormRules'
  | 'instances'
  | 'endpoints'
  | 'form'
  | 'alerts'
  | 'agent';

export interface CommandSpec {
  keys: readonly string[];
  description: string;
  scope: Scope;
  /** Changes something in AWS or a database: dropped under --read-only and confirmed. */
  dangerous?: boolean;
  /** Shown in the footer when the screen binds it (default true). */
  hint?: boolean;
  /** Shares its keys with this command of the same scope: a screen binds one or the other. */
  insteadOf?: string;
}

export const COMMANDS = {
  // Global: offered after the screen and any dialog have passed on a key.
  'app.help': { keys: ['?'], description: 'Help: every key on this screen', scope: 'global' },
  'app.goto': {
    keys: [':'],
    description:
      'Go to a screen: tasks, browser, project, endpoints, instances, profiles, messages, alerts',
    scope: 'global',
  },
  'app.quit': { keys: ['q', 'ctrl+c'], description: 'Quit', scope: 'global' },
  'nav.back': { keys: ['escape'], description: 'Back / close', scope: 'global' },

  // Lists (any screen with a table or tree).
  'list.up': { keys: ['up', 'k'], description: 'Move up', scope: 'list', hint: false },
  'list.down': { keys: ['down', 'j'], description: 'Move down', scope: 'list', hint: false },
  'list.top': { keys: ['g', 'home'], description: 'First row', scope: 'list', hint: false },
  'list.bottom': { keys: ['G', 'end'], description: 'Last row', scope: 'list', hint: false },
  'list.pageUp': { keys: ['pageup', 'ctrl+b'], description: 'Page up', scope: 'list', hint: false },
  'list.pageDown': {
    keys: ['pagedown', 'ctrl+f'],
    description: 'Page down',
    scope: 'list',
    hint: false,
  },
  'list.filter': {
    keys: ['/'],
    description: 'Filter (text or regex; ! inverts; / again edits it)',
    scope: 'list',
  },
  'list.clearFilter': {
    keys: ['escape'],
    description: 'Clear the filter (while one is on)',
    scope: 'list',
  },
  'list.mark': { keys: ['space'], description: 'Mark / unmark', scope: 'list' },
  'list.sort': { keys: ['o'], description: 'Sort by the next column', scope: 'list' },
  'list.sortReverse': { keys: ['O'], description: 'Reverse the sort', scope: 'list', hint: false },
  'list.nextPane': { keys: ['tab'], description: 'Next pane', scope: 'list' },

  // Dialogs.
  'dialog.confirm': { keys: ['enter', 'y'], description: 'Confirm', scope: 'dialog' },
  'dialog.cancel': { keys: ['escape', 'n'], description: 'Cancel', scope: 'dialog' },
  'dialog.next': {
    keys: ['tab', 'right'],
    description: 'Next choice',
    scope: 'dialog',
    hint: false,
  },
  'dialog.previous': {
    keys: ['shift+tab', 'left'],
    description: 'Previous choice',
    scope: 'dialog',
    hint: false,
  },

  // Text prompts (filter, go to, form fields): they shadow the global keys while open.
  'prompt.accept': { keys: ['enter'], description: 'Accept', scope: 'prompt' },
  'prompt.cancel': { keys: ['escape'], description: 'Cancel', scope: 'prompt' },
  'prompt.complete': { keys: ['tab'], description: 'Complete', scope: 'prompt' },

  // Profiles screen.
  'profiles.select': { keys: ['enter'], description: 'Use this profile', scope: 'profiles' },
  'profiles.region': { keys: ['e'], description: 'Choose the region', scope: 'profiles' },
  'profiles.test': {
    keys: ['t'],
    description: 'Test: DescribeAccountAttributes',
    scope: 'profiles',
  },

  // Form fields (connection form, project settings): shared by form screens.
  'form.next': { keys: ['tab', 'down'], description: 'Next field', scope: 'form', hint: false },
  'form.previous': {
    keys: ['shift+tab', 'up'],
    description: 'Previous field',
    scope: 'form',
    hint: false,
  },
  'form.choiceNext': {
    keys: ['right', 'space'],
    description: 'Next choice / tick',
    scope: 'form',
  },
  'form.choicePrevious': {
    keys: ['left'],
    description: 'Previous choice',
    scope: 'form',
    hint: false,
  },

  // Projects screen.
  'projects.open': { keys: ['enter'], description: 'Open the project', scope: 'projects' },
  'projects.new': { keys: ['n'], description: 'New project', scope: 'projects' },
  'projects.rename': { keys: ['R'], description: 'Rename', scope: 'projects' },
  'projects.delete': { keys: ['ctrl+d'], description: 'Delete (asks first)', scope: 'projects' },
  'projects.settings': {
    keys: ['e'],
    description: 'Edit profile, region, default instance',
    scope: 'projects',
  },
  'projects.source': { keys: ['s'], description: 'Source connection', scope: 'projects' },
  'projects.target': { keys: ['t'], description: 'Target connection', scope: 'projects' },
  'projects.export': {
    keys: ['x'],
    description: 'Export as JSON (no secrets)',
    scope: 'projects',
  },
  'projects.import': { keys: ['i'], description: 'Import a JSON file', scope: 'projects' },

  // Connection form.
  'connection.test': {
    keys: ['ctrl+t'],
    description: 'Test connection',
    scope: 'connection',
  },
  'connection.save': { keys: ['ctrl+s'], description: 'Save', scope: 'connection' },

  // Schema browser.
  'browser.expand': {
    keys: ['enter', 'right'],
    description: 'Expand / collapse',
    scope: 'browser',
  },
  'browser.collapse': {
    keys: ['left'],
    description: 'Collapse / go to parent',
    scope: 'browser',
    hint: false,
  },
  'browser.reload': { keys: ['r'], description: 'Reload this pane', scope: 'browser' },
  'browser.serverFilter': {
    keys: ['F'],
    description: 'Filter table names on the server',
    scope: 'browser',
  },
  'browser.createTask': {
    keys: ['c'],
    description: 'Create DMS task for the marked/focused objects',
    scope: 'browser',
    dangerous: true,
  },
  'browser.createAgentTask': {
    keys: ['A'],
    description: 'Create agent task (via S3) for the marked/focused objects',
    scope: 'browser',
    dangerous: true,
  },

  // Create DMS Task form (fields move with the form.* keys above) and its endpoint sub-form.
  'form.choose': {
    keys: ['enter'],
    description: 'Choose / edit (instance, endpoints, mappings)',
    scope: 'taskForm',
  },
  'form.preview': { keys: ['p', 'ctrl+p'], description: 'Preview JSON', scope: 'taskForm' },
  'form.save': { keys: ['w', 'ctrl+o'], description: 'Save JSON to a file', scope: 'taskForm' },
  'form.preflight': {
    keys: ['P', 'ctrl+k'],
    description: "Preflight: check the form's tables, LOBs, target and CDC through the project",
    scope: 'taskForm',
  },
  'form.create': {
    keys: ['ctrl+s'],
    description: 'Create (the task; in the endpoint form, the endpoint)',
    scope: 'taskForm',
    dangerous: true,
  },
  'form.modify': {
    keys: ['ctrl+s'],
    description: 'Modify the task (ModifyReplicationTask)',
    scope: 'taskForm',
    dangerous: true,
    insteadOf: 'form.create',
  },
  // The task form's table-mappings editor (a list).
  'form.ruleAdd': { keys: ['a'], description: 'Add a rule', scope: 'taskFormRules' },
  'form.ruleEdit': {
    keys: ['enter'],
    description: 'Edit the schema and table patterns',
    scope: 'taskFormRules',
  },
  'form.ruleToggle': { keys: ['t'], description: 'Include ⇄ exclude', scope: 'taskFormRules' },
  'form.ruleRename': {
    keys: ['n'],
    description: "Rename a schema on the target (else it keeps the source schema's name)",
    scope: 'taskFormRules',
  },
  'form.ruleDelete': { keys: ['d'], description: 'Remove the rule', scope: 'taskFormRules' },
  // Data Migration View (the task list).
  'task.details': {
    keys: ['enter'],
    description: 'Details: endpoints, settings, table mappings',
    scope: 'tasks',
  },
  'task.start': {
    keys: ['s'],
    description: 'Start: first run, or resume / reload a stopped task',
    scope: 'tasks',
    dangerous: true,
  },
  'task.stop': { keys: ['x'], description: 'Stop', scope: 'tasks', dangerous: true },
  'task.resume': {
    keys: ['R'],
    description: 'Resume: resume-processing',
    scope: 'tasks',
    dangerous: true,
  },
  'task.delete': {
    keys: ['ctrl+d'],
    description: 'Delete (asks first)',
    scope: 'tasks',
    dangerous: true,
  },
  'task.modify': {
    keys: ['e'],
    description:
      'Modify: type, mappings, table preparation, LOBs, logging, validation (stopped, failed or ready)',
    scope: 'tasks',
    dangerous: true,
  },
  'task.preflight': {
    keys: ['p'],
    description: "Preflight: check the task's tables, LOBs, target and CDC through the project",
    scope: 'tasks',
  },
  'task.refresh': { keys: ['r'], description: 'Refresh now', scope: 'tasks', hint: false },
  'task.logs': { keys: ['l'], description: "Log: the task's CloudWatch log", scope: 'tasks' },
  'task.tableStats': { keys: ['t'], description: 'Tables: table statistics', scope: 'tasks' },
  'task.json': { keys: ['y'], description: 'JSON: the whole task', scope: 'tasks', hint: false },
  'task.slower': {
    keys: ['+'],
    description: 'Refresh less often',
    scope: 'tasks',
    hint: false,
  },
  'task.faster': { keys: ['-'], description: 'Refresh more often', scope: 'tasks', hint: false },

  // Task details.
  'details.json': { keys: ['y'], description: 'Full JSON (with settings)', scope: 'taskDetails' },
  'details.logs': { keys: ['l'], description: 'Log pane', scope: 'taskDetails' },
  'details.tableStats': { keys: ['t'], description: 'Table statistics', scope: 'taskDetails' },

  // Table statistics.
  'tables.errorsOnly': { keys: ['e'], description: 'Errors only on/off', scope: 'tableStats' },
  'tables.reload': {
    keys: ['R'],
    description: 'Reload marked tables (at most 10, task running)',
    scope: 'tableStats',
    dangerous: true,
  },
  'tables.refresh': { keys: ['r'], description: 'Refresh now', scope: 'tableStats' },
  'tables.exceptions': {
    keys: ['x'],
    description: 'Latest apply exceptions on/off (CDC, project target)',
    scope: 'tableStats',
  },
  'tables.failures': {
    keys: ['v'],
    description: "Validation failures of the table (read through the project's target)",
    scope: 'tableStats',
  },
  'tables.revalidate': {
    keys: ['V'],
    description: 'Re-validate marked tables (validate-only, at most 10, task running)',
    scope: 'tableStats',
    dangerous: true,
  },

  // Validation failures of one table, and one failure's rows side by side.
  'failures.open': {
    keys: ['enter'],
    description: 'Source and target rows side by side',
    scope: 'validationFailures',
  },
  'diff.value': {
    keys: ['enter'],
    description: "The column's whole values",
    scope: 'validationDiff',
  },
  'diff.differing': {
    keys: ['d'],
    description: 'Differing columns only on/off',
    scope: 'validationDiff',
  },

  // Alerts.
  'alerts.open': { keys: ['enter'], description: "The alert's task: details", scope: 'alerts' },
  // The Agent screen (the replication agent and its Local & DMS tasks).
  'agent.startAgent': {
    keys: ['S'],
    description: 'Start the agent (a background process that outlives the app)',
    scope: 'agent',
  },
  'agent.stopAgent': {
    keys: ['X'],
    description: 'Stop the agent (its tasks go on when it starts again)',
    scope: 'agent',
  },
  'agent.taskStart': {
    keys: ['s'],
    description: 'Start or resume the agent task',
    scope: 'agent',
    dangerous: true,
  },
  'agent.taskStop': {
    keys: ['x'],
    description: 'Stop the agent task at a partition boundary',
    scope: 'agent',
    dangerous: true,
  },
  'agent.taskDelete': {
    keys: ['ctrl+d'],
    description: 'Delete the agent task (asks about its S3 objects and DMS task)',
    scope: 'agent',
    dangerous: true,
  },
  'agent.logTab': { keys: ['l'], description: 'Agent log / Task log', scope: 'agent' },
  'agent.refresh': { keys: ['r'], description: 'Refresh now', scope: 'agent', hint: false },

  // Log pane.
  'logs.follow': { keys: ['f'], description: 'Follow on/off', scope: 'logs' },
  'logs.wrap': { keys: ['w'], description: 'Wrap on/off', scope: 'logs' },
  'logs.timestamps': { keys: ['T'], description: 'Timestamps on/off', scope: 'logs' },
  'logs.nextError': { keys: ['e'], description: 'Next error', scope: 'logs' },
  'logs.severity': { keys: ['v'], description: 'Severity: all, I, W, E', scope: 'logs' },
  'logs.component': { keys: ['c'], description: 'Component: cycle', scope: 'logs' },
  'logs.save': { keys: ['s'], description: 'Save to a file', scope: 'logs' },
  'logs.enable': {
    keys: ['E'],
    description: 'Enable CloudWatch logging (ModifyReplicationTask)',
    scope: 'logs',
    dangerous: true,
  },

  // Replication instances (read-only).
  'instances.refresh': {
    keys: ['r'],
    description: 'Refresh now',
    scope: 'instances',
    hint: false,
  },

  // Endpoints.
  'endpoints.test': {
    keys: ['t'],
    description: 'Test (from a chosen replication instance)',
    scope: 'endpoints',
  },
  'endpoints.modify': {
    keys: ['e'],
    description: 'Modify (the password is kept unless retyped)',
    scope: 'endpoints',
    dangerous: true,
  },
  'endpoints.delete': {
    keys: ['ctrl+d'],
    description: 'Delete (asks first, naming its tasks)',
    scope: 'endpoints',
    dangerous: true,
  },
  'endpoints.refresh': {
    keys: ['r'],
    description: 'Refresh now',
    scope: 'endpoints',
    hint: false,
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;

export function commandSpec(id: CommandId): CommandSpec {
  return COMMANDS[id];
}

/** The commands that match a key name, in table order. */
export function commandsForKey(key: string): CommandId[] {
  return (Object.keys(COMMANDS) as CommandId[]).filter((id) =>
    (COMMANDS[id].keys as readonly string[]).includes(key),
  );
}
