#!/usr/bin/env node
// The composition root: parse flags, open config, decide where AWS calls go, render the app
// full-screen (or run a subcommand for scripts). What only the full-screen app needs (Ink,
// React, the screens, conf) is imported in runTui, so a subcommand never loads it.
import packageJson from '../package.json' with { type: 'json' };
import type { RootConfig } from './shell/Root.js';
import type { SandboxInfo } from './ui/services.js';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { restoreTerminal } from './shell/terminal.js';
import { resolveTarget, type TargetInputs } from './model/targetRule.js';
import { type CommonOptions, parseCli, USAGE } from './commands/cliArgs.js';
import type { Route } from './model/navigation.js';

type Tui = typeof import('./shell/tui.js');

/** The terminal's restorer: the loaded app's own copy once it is loaded (it knows the state). */
let restore = restoreTerminal;

/**
 * The full-screen app's modules, loaded together: from the built app, dist/tui.cjs run through
 * V8's code cache (kept beside it, named by its size, time and Node's version; written after the
 * first frame when missing or refused), so a start skips compiling most of its 1.4 MB; from the
 * sources (tsx, tests) or with DEV=true (Ink's devtools), the ES modules.
 */
async function loadTui(): Promise<Tui> {
  const file = fileURLToPath(new URL('./tui.cjs', import.meta.url));
  let source: string;
  let cacheFile: string;
  try {
    if (process.env.DEV === 'true') throw new Error('devtools need the ES modules');
    const stat = statSync(file);
    cacheFile = `${file}.${stat.size}-${Math.round(stat.mtimeMs)}-${process.version}.cache`;
    source = readFileSync(file, 'utf8');
  } catch {
    return import('./shell/tui.js');
  }
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // First start of this build: the cache is written below.
  }
  // The file is one function expression, (function (exports, require, module, …) {…}).
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} as Tui };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(file), module, file, dirname(file));
  // After the first frame (drawn synchronously once the app is loaded), with what it compiled.
  if (!cachedData || script.cachedDataRejected)
    setTimeout(() => saveCodeCache(script, cacheFile), 0).unref();
  restore = module.exports.restoreTerminal;
  return module.exports;
}

function saveCodeCache(script: Script, cacheFile: string): void {
  const partial = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch {
    // A read-only install runs without the cache, as fast as before it.
    rmSync(partial, { force: true });
  }
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseCli(argv);
  switch (parsed.kind) {
    case 'error':
      process.stderr.write(`dms-tui: ${parsed.message}\n\n${USAGE}\n`);
      return 2;
    case 'help':
      process.stdout.write(
        `dms-tui ${packageJson.version}: a terminal UI for AWS Database Migration Service\n\n${USAGE}\n`,
      );
      return 0;
    case 'version':
      process.stdout.write(`${packageJson.version}\n`);
      return 0;
    case 'subcommand':
      return runSubcommand(parsed.name, parsed.args);
    case 'tui':
      return runTui(parsed.options);
  }
}

async function runSubcommand(name: string, args: string[]): Promise<number> {
  if (name === 'sandbox') {
    const { runSandboxCommand } = await import('./sandbox/main.js');
    return runSandboxCommand(args);
  }
  if (name === 'agent') {
    const { runAgentCommand } = await import('./agent/main.js');
    return runAgentCommand(args);
  }
  if (name === 'agent-tasks' || name === 'agent-task') {
    const { runAgentTaskCommand } = await import('./commands/agentTasks.js');
    return runAgentTaskCommand(name, args);
  }
  const { runTaskCommand } = await import('./commands/index.js');
  const { processIo } = await import('./commands/io.js');
  return runTaskCommand(name, args, {
    ...processIo(),
    readApplyExceptions: async (target, taskArn, latest) =>
      (await import('./db/applyExceptions.js')).readApplyExceptions(target, taskArn, latest),
  });
}

/** Finds or starts the local sandbox (a separate process), saying what it waits for. */
async function startSandbox(): Promise<SandboxInfo> {
  const { ensureSandbox } = await import('./sandbox/launcher.js');
  const slow = setTimeout(
    () =>
      process.stderr.write(
        'dms-tui: starting the local DMS sandbox (a first start builds the demo database: about 20 s)…\n',
      ),
    800,
  );
  try {
    const sandbox = await ensureSandbox();
    return { endpointUrl: sandbox.endpointUrl, demo: sandbox.demo };
  } finally {
    clearTimeout(slow);
  }
}

async function runTui(options: CommonOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'dms-tui: the full-screen app needs an interactive terminal; for scripts use the subcommands (dms-tui --help)\n',
    );
    return 2;
  }
  const {
    render,
    Root,
    enterFullscreen,
    installExitHandlers,
    openPreferences,
    openProjects,
    openTaskDrafts,
    pacedStdin,
  } = await loadTui();
  const preferences = openPreferences();
  const projects = openProjects();
  const taskDrafts = openTaskDrafts();
  // --project NAME opens one directly; otherwise the project used last is reopened (with
  // --sandbox too: the flag decides where calls go, not which project is open). Its AWS target
  // decides where calls go.
  const named = options.project ? projects.get(options.project) : undefined;
  if (options.project && !named) {
    const names = projects.list().map((p) => p.name);
    process.stderr.write(
      `dms-tui: no project named "${options.project}" (${names.length ? `projects: ${names.join(', ')}` : 'no projects yet'})\n`,
    );
    return 2;
  }
  const project = named ?? projects.lastUsed();
  // Where calls go: the one rule (src/model/targetRule.ts); the sandbox is started only when
  // the rule picks it, and then the rule runs again with its URL.
  const targetInputs: TargetInputs = {
    flags: {
      profile: options.profile,
      region: options.region,
      endpointUrl: options.endpointUrl,
      sandbox: options.sandbox,
    },
    env: process.env,
    project,
    preferences: preferences.get(),
  };
  let resolved = resolveTarget(targetInputs);
  if (resolved.problem) {
    process.stderr.write(`dms-tui: ${resolved.problem}\n`);
    return 2;
  }
  let sandbox: SandboxInfo | undefined;
  if (resolved.needsSandbox) {
    try {
      sandbox = await startSandbox();
    } catch (error) {
      process.stderr.write(`dms-tui: cannot start the sandbox: ${(error as Error).message}\n`);
      return 1;
    }
    resolved = resolveTarget({ ...targetInputs, sandboxUrl: sandbox.endpointUrl });
  }
  // On a fresh machine the sandbox's demo databases become the "demo" project, opened at once.
  const fresh = sandbox?.demo && !project ? projects.ensureDemo(sandbox.demo) : undefined;
  const opened = project ?? fresh;
  if (opened) projects.touch(opened.name);
  const config: RootConfig = {
    target: resolved.target,
    targetInputs: { flags: targetInputs.flags, env: targetInputs.env },
    sandbox,
    startSandbox,
    preferences,
    readOnly: options.readOnly,
    refreshSeconds: options.refreshSeconds ?? preferences.get().refreshSeconds,
    projects,
    initialProject: opened?.name,
    taskDrafts,
    // A new alert rings the terminal's bell (BEL moves nothing on the screen).
    bell: () => process.stdout.write('\u0007'),
  };
  // A project with connections opens on its schema browser; otherwise the app starts on the
  // Data Migration View.
  const initialRoute: Route = { screen: opened?.source || opened?.target ? 'browser' : 'tasks' };

  enterFullscreen();
  let unmount = () => {};
  installExitHandlers(() => unmount());
  const instance = render(
    <Root
      config={config}
      initialRoute={initialRoute}
      notice={
        [
          resolved.target.sandbox ? resolved.note : resolved.why,
          preferences.notice,
          projects.notice,
          taskDrafts.notice,
        ]
          .filter(Boolean)
          .join(' · ') || undefined
      }
    />,
    {
      exitOnCtrlC: false,
      patchConsole: true,
      // One key at a time, however the terminal chunked them; unknown sequences dropped.
      stdin: pacedStdin(process.stdin),
      // Ink throttles frames to 30 a second by default: a key press could wait 33 ms to show.
      maxFps: 60,
    },
  );
  unmount = instance.unmount;
  await instance.waitUntilExit();
  restore();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    restore();
    process.stderr.write(`dms-tui: ${error.message}\n`);
    process.exit(1);
  },
);
