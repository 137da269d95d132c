// The key table as Markdown, for the README (kept equal by test/app/readmeKeys.test.ts;
// regenerate with `npx tsx scripts/update-readme-keys.ts`).
import { keyLabel } from '../model/keyName.js';
import { COMMANDS, type CommandId, type Scope } from './keys.js';

const SCOPE_TITLES: Record<Scope, string> = {
  global: 'Everywhere',
  list: 'Lists and trees',
  dialog: 'Dialogs',
  prompt: 'Text prompts (filter, go to, fields)',
  profiles: 'Profiles',
  tasks: 'Data Migration View',
  taskDetails: 'Task details',
  tableStats: 'Table statistics',
  validationFailures: 'Validation failures',
  validationDiff: 'Validation failure: source and target rows',
  logs: 'Task log',
  projects: 'Projects',
  connection: 'Connection form',
  browser: 'Schema browser',
  taskForm: 'Create DMS Task form',
  taskFormRules: 'Create DMS Task form: table mappings',
  instances: 'Replication instances',
  endpoints: 'Endpoints',
  agent: 'Agent (replication agent and its Local & DMS tasks)',
  form: 'Form fields',
  alerts: 'Alerts',
};

export function keyTableMarkdown(): string {
  const ids = Object.keys(COMMANDS) as CommandId[];
  const scopes = [...new Set(ids.map((id) => COMMANDS[id].scope))];
  const sections = scopes.map((scope) => {
    const rows = ids
      .filter((id) => COMMANDS[id].scope === scope)
      .map((id) => {
        const spec = COMMANDS[id] as {
          keys: readonly string[];
          description: string;
          dangerous?: boolean;
        };
        const keys = spec.keys.map((k) => `\`${keyLabel(k)}\``).join(' ');
        return `| ${keys} | ${spec.description.replace(/\|/g, '\\|')}${spec.dangerous ? ' *(not in --read-only)*' : ''} |`;
      });
    return [`**${SCOPE_TITLES[scope]}**`, '', '| Keys | Does |', '| --- | --- |', ...rows].join(
      '\n',
    );
  });
  return sections.join('\n\n');
}

export const README_KEYS_START = '<!-- keys:start -->';
export const README_KEYS_END = '<!-- keys:end -->';

export function withKeyTable(readme: string): string {
  const start = readme.indexOf(README_KEYS_START);
  const end = readme.indexOf(README_KEYS_END);
  if (start < 0 || end < start) throw new Error('README has no keys:start/keys:end markers');
  return `${readme.slice(0, start + README_KEYS_START.length)}\n${keyTableMarkdown()}\n${readme.slice(end)}`;
}
