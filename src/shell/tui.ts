// The full-screen app's modules in one place, so cli.tsx loads them with one dynamic import
// (one chunk graph for the bundler to split instead of seven, fewer files before the first
// frame), and the build makes them one CommonJS file too (dist/tui.cjs, run with V8's code
// cache).
export { render } from 'ink';
export { openPreferences } from '../config/preferences.js';
export { openProjects } from '../config/projects.js';
export { openTaskDrafts } from '../config/taskDrafts.js';
export { pacedStdin } from '../ui/pacedStdin.js';
export { Root } from './Root.js';
export { enterFullscreen, installExitHandlers, restoreTerminal } from './terminal.js';
