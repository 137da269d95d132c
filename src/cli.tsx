#!/usr/bin/env node
// The composition root: parse flags, open config, decide where AWS calls go, render the app
// full-screen (or run a subcommand for scripts).
import { render } from 'ink';
import packageJson from '../package.json' with { type: 'json' };
import { type RootConfig, Root } from './app/Root.js';
import { SCREENS } from './app/screens.js';
import { enterFullscreen, installExitHandlers, restoreTerminal } from './app/terminal.js';
import type { AwsTarget } from './aws/target.js';
import { openPreferences, type Preferences } from './config/preferences.js';
import { openProjects } from './config/projects.js';
import { type CommonOptions, parseCli, USAGE } from './model/cliArgs.js';
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

async function runSubcommand(name: string, _args: string[]): Promise<number> {
  process.stderr.write(`dms-tui: "${name}" is not available in this build\n`);
  return 2;
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
  if (project) projects.touch(project.name);
  const config: RootConfig = {
    target: initialTarget(options, preferences.get(), project),
    preferences,
    readOnly: options.readOnly,
    refreshSeconds: options.refreshSeconds ?? preferences.get().refreshSeconds,
    projects,
    initialProject: project?.name,
  };
  // A fresh machine started with --sandbox lands on the demo project's schema browser (Root
  // creates and opens the demo project once the sandbox reports its demo databases).
  const freshDemo = options.sandbox && projects.list().length === 0;
  const initialRoute: Route = {
    screen:
      project || freshDemo
        ? 'browser'
        : SCREENS.tasks
          ? 'tasks'
          : projects.list().length > 0
            ? 'projects'
            : 'profiles',
  };

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
