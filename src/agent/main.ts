// `dms-tui agent run|start|stop|status [--data-dir DIR] [--output json]`: the replication agent
// in the foreground, detached, stopped, or asked how it is.
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { passwordHint } from '../model/agentView.js';
import { visible as visibleText } from '../model/visibleText.js';
import { Agent, type AgentDeps } from './agent.js';
import { defaultAgentDir } from './agentDir.js';
import { AgentNotRunningError, serveControl } from './control.js';
import { agentDeps } from './deps.js';
import { type AgentStatus, agentStatus, startAgent, stopAgent } from './launcher.js';
import { acquireLease, LeaseHeldError, releaseLease } from './lease.js';
import { makePrivateDir } from '../sandbox/fileModes.js';
import { resolve } from 'node:path';

export const AGENT_USAGE = `Usage: dms-tui agent run|start|stop|status [--data-dir DIR] [--output table|json]
  run     the agent in the foreground (Ctrl-C stops it)
  start   the agent in the background; it keeps running when the app quits or the SSH session drops
  stop    stop the background agent (tasks go on when it starts again)
  status  is an agent running on the data dir, and its tasks
--data-dir DIR  which agent (default: <app data dir>/agent); one agent per data dir.
Exit codes: 0 ok · 1 failed or refused (another agent holds the data dir) · 2 bad arguments ·
3 no agent running (status, stop)`;

const FLAGS = {
  'data-dir': { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

export async function runAgentCommand(
  args: string[],
  io: Io = processIo,
  deps: AgentDeps = agentDeps(),
): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args, options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`dms-tui agent: ${(error as Error).message.split('. ')[0]}\n${AGENT_USAGE}\n`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    io.stdout(`${AGENT_USAGE}\n`);
    return 0;
  }
  const output = parsed.values.output ?? 'table';
  if (
    !command ||
    !['run', 'start', 'stop', 'status'].includes(command) ||
    extra.length > 0 ||
    (output !== 'table' && output !== 'json')
  ) {
    io.stderr(
      `dms-tui agent: ${command ? `unknown or extra arguments: ${visibleText([command, ...extra].join(' '))}` : 'which one: run, start, stop or status?'}\n${AGENT_USAGE}\n`,
    );
    return 2;
  }
  const dir = resolve(parsed.values['data-dir'] ?? defaultAgentDir());
  try {
    switch (command) {
      case 'run':
        return await runForeground(dir, io, deps);
      case 'start': {
        const { started, status } = await startAgent(dir);
        io.stdout(
          output === 'json'
            ? `${JSON.stringify({ started, ...status })}\n`
            : `${started ? 'started' : 'already running'}: agent pid ${status.pid} on ${dir}\n${waitingLines(status)}`,
        );
        return 0;
      }
      case 'stop':
        if (await stopAgent(dir)) {
          io.stdout(`stopped the agent on ${dir}\n`);
          return 0;
        }
        io.stderr(`dms-tui agent stop: no agent is running on ${dir}\n`);
        return 3;
      default: {
        const status = await agentStatus(dir);
        io.stdout(output === 'json' ? `${JSON.stringify(status)}\n` : statusText(status));
        return 0;
      }
    }
  } catch (error) {
    io.stderr(`dms-tui agent ${command}: ${visibleText((error as Error).message)}\n`);
    return error instanceof AgentNotRunningError ? 3 : 1;
  }
}

function statusText(s: AgentStatus): string {
  const lines = [`agent pid ${s.pid} · version ${s.version} · since ${s.startedAt} · ${s.dataDir}`];
  for (const t of s.tasks)
    lines.push(
      `  ${t.name}  ${t.state}  ${t.progress}%${passwordHint(t) ? ` · ${passwordHint(t)}` : ''}`,
    );
  if (s.tasks.length === 0) lines.push('  no agent tasks');
  return `${lines.map((l) => visibleText(l)).join('\n')}\n`;
}

/** One line per task that cannot go on until it is handed the source password. */
function waitingLines(s: AgentStatus): string {
  return s.tasks
    .map((t) => {
      const hint = passwordHint(t);
      return hint ? `${visibleText(`${t.name}: ${hint}`)}\n` : '';
    })
    .join('');
}

async function runForeground(dir: string, io: Io, deps: AgentDeps): Promise<number> {
  makePrivateDir(dir);
  let lease: ReturnType<typeof acquireLease>;
  try {
    lease = acquireLease(dir, packageJson.version);
  } catch (error) {
    if (error instanceof LeaseHeldError) {
      io.stderr(`dms-tui agent: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const agent = new Agent(dir, lease, deps);
  let server: Awaited<ReturnType<typeof serveControl>>;
  try {
    server = await serveControl(dir, (req) => agent.handle(req));
  } catch (error) {
    releaseLease(dir);
    throw error;
  }
  agent.log('I', `agent started (pid ${lease.pid}, version ${lease.version})`);
  agent.open();
  io.stdout(`dms-tui agent: running on ${dir} (pid ${lease.pid})\n`);
  deps.warm();
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // A dropped SSH session must not end the agent.
    process.on('SIGHUP', () => undefined);
  });
  agent.log('I', 'agent stopping');
  server.close();
  server.closeAllConnections();
  await agent.close();
  releaseLease(dir);
  agent.log('I', 'agent stopped');
  return 0;
}
