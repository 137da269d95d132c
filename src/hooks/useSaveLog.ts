// Saving the log pane to a file: the path (prefilled with a name made of the task and the time,
// in the current directory, shown in full and editable), and, with a filter on, whether the
// shown lines or all lines are saved; the result in the status bar says which. Each saved line
// carries one timestamp (savedLogLine).
import { useState } from 'react';
import { useStatus } from '../ui/status.js';
import { resolveUserPath } from '../config/files.js';
import { type LogLine, savedLogLine } from '../model/logLine.js';
import { logFileName } from '../model/logView.js';
import { type SaveFile, useSaveFile } from './useSaveFile.js';

export type SaveWhich = 'shown' | 'all';

export interface SaveLog extends SaveFile {
  /** Asked only when a filter is on. */
  filtering: boolean;
  which: SaveWhich;
  toggleWhich(): void;
}

export function useSaveLog({
  taskId,
  shown,
  all,
  filtering,
  onDone,
}: {
  taskId: string;
  /** The lines the filters let through. */
  shown: () => LogLine[];
  all: () => LogLine[];
  filtering: boolean;
  onDone(): void;
}): SaveLog {
  const { setNotice } = useStatus();
  const [which, setWhich] = useState<SaveWhich>('shown');
  const chosen = () => (filtering && which === 'shown' ? shown() : all());
  const file = useSaveFile({
    initialPath: () => resolveUserPath(logFileName(taskId, new Date())),
    text: () => `${chosen().map(savedLogLine).join('\n')}\n`,
    mode: 0o600,
    onSaved: (path) => {
      const what = filtering ? (which === 'shown' ? ' (only the filtered lines)' : ' (all)') : '';
      setNotice(`Saved ${chosen().length} lines${what} to ${path}`);
      onDone();
    },
  });
  return {
    ...file,
    filtering,
    which,
    toggleWhich: () => setWhich((w) => (w === 'shown' ? 'all' : 'shown')),
  };
}
