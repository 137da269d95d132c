// Where dms-tui keeps its files. DMS_TUI_CONFIG_DIR and DMS_TUI_DATA_DIR override the
// platform's directories (tests and bench point them at temporary folders).
import envPaths from 'env-paths';

const platform = envPaths('dms-tui', { suffix: '' });

export function configDir(): string {
  return process.env.DMS_TUI_CONFIG_DIR || platform.config;
}

export function dataDir(): string {
  return process.env.DMS_TUI_DATA_DIR || platform.data;
}
