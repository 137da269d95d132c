#!/usr/bin/env node
// The composition root: parse flags, open config, decide where AWS calls go, render the app
// full-screen (or run a subcommand for scripts).
import { render } from 'ink';
import packageJson from '../package.json' with { type: 'json' };
import { type RootConfig, Root } from './shell/Root.js';
import type { SandboxInfo } from './ui/services.js';
import { enterFullscreen, installExitHandlers, restoreTerminal } from './shell/terminal.js';
import { type AwsTarget, SANDBOX_REGION } from './model/awsTarget.js';
import { openPreferences, type Preferences } from './config/preferences.js';
import { openProjects } from './config/projects.js';
import { openTaskDrafts } from './config/taskDrafts.js';
import { type CommonOptions, parseCli, USAGE } from './commands/cliArgs.js';
import type { Route } from './model/navigation.js';
import type { Project } from './model/project.js';

async function main(argv: string[]): Promise<number> {
  const parsed = parseCli(argv, process.env);
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
  const { runTaskCommand } = await import('./commands/index.js');
  return runTaskCommand(name, args);
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
  const preferences = openPreferences();
  const projects = openProjects();
  // --project NAME opens one directly (its profile and region become the AWS target).
  const project = options.project ? projects.get(options.project) : undefined;
  if (options.project && !project) {
    const names = projects.list().map((p) => p.name);
    process.stderr.write(
      `dms-tui: no project named "${options.project}" (${names.length ? `projects: ${names.join(', ')}` : 'no projects yet'})\n`,
    );
    return 2;
  }
  // The sandbox: asked for, the project's profile, or the profile chosen last time.
  const explicitAws = Boolean(options.profile || options.endpointUrl || options.region);
  const wantsSandbox =
    options.sandbox ||
    (!explicitAws &&
      (project ? project.profile === 'sandbox' : preferences.get().lastProfile === 'sandbox'));
  let sandbox: SandboxInfo | undefined;
  if (wantsSandbox) {
    try {
      sandbox = await startSandbox();
    } catch (error) {
      process.stderr.write(`dms-tui: cannot start the sandbox: ${(error as Error).message}\n`);
      return 1;
    }
  }
  // On a fresh machine the sandbox's demo databases become the "demo" project, opened at once;
  // later sandbox runs reopen the sandbox project used last.
  const fresh = sandbox?.demo ? projects.ensureDemo(sandbox.demo) : undefined;
  const lastSandboxProject = sandbox
    ? projects.list().find((p) => p.profile === 'sandbox')
    : undefined;
  const opened = project ?? fresh ?? (lastSandboxProject && projects.get(lastSandboxProject.name));
  if (opened) projects.touch(opened.name);
  const config: RootConfig = {
    target: sandbox
      ? { sandbox: true, endpointUrl: sandbox.endpointUrl, region: SANDBOX_REGION }
      : initialTarget(options, preferences.get(), project),
    sandbox,
    startSandbox,
    preferences,
    readOnly: options.readOnly,
    refreshSeconds: options.refreshSeconds ?? preferences.get().refreshSeconds,
    projects,
    initialProject: opened?.name,
    taskDrafts: openTaskDrafts(),
  };
  // A project opens on its schema browser; otherwise the app starts on the Data Migration View.
  const initialRoute: Route = { screen: project || fresh ? 'browser' : 'tasks' };

  enterFullscreen();
  let unmount = () => {};
  installExitHandlers(() => unmount());
  const instance = render(
    <Root
      config={config}
      initialRoute={initialRoute}
      notice={preferences.notice ?? projects.notice}
    />,
    {
      exitOnCtrlC: false,
      patchConsole: true,
      // Ink throttles frames to 30 a second by default: a key press could wait 33 ms to show.
      maxFps: 60,
    },
  );
  unmount = instance.unmount;
  await instance.waitUntilExit();
  restoreTerminal();
  return 0;
}

function initialTarget(options: CommonOptions, prefs: Preferences, project?: Project): AwsTarget {
  if (options.profile || options.endpointUrl || options.region) {
    return { profile: options.profile, region: options.region, endpointUrl: options.endpointUrl };
  }
  if (project && project.profile !== 'sandbox')
    return { profile: project.profile || undefined, region: project.region };
  return { profile: prefs.lastProfile || undefined, region: prefs.lastRegion };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    restoreTerminal();
    process.stderr.write(`dms-tui: ${error.message}\n`);
    process.exit(1);
  },
);
