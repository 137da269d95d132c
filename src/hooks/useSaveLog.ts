// Saves log lines to a file in the current directory (readable only by the user), named after
// the task and the time, with the result in the status bar.
import { useCallback } from 'react';
import { useStatus } from '../ui/status.js';
import { saveTextFile } from '../config/files.js';
import { logFileName } from '../model/logView.js';

export function useSaveLog(): (taskId: string, lines: string[]) => void {
  const { setError, setNotice } = useStatus();
  return useCallback(
    (taskId: string, lines: string[]) => {
      const result = saveTextFile(logFileName(taskId, new Date()), `${lines.join('\n')}\n`, {
        overwrite: true,
        mode: 0o600,
      });
      if (result.status === 'saved') setNotice(`Saved ${lines.length} lines to ${result.path}`);
      else
        setError(
          `Cannot save the log: ${result.status === 'failed' ? result.error : `${result.path} exists`}`,
        );
    },
    [setError, setNotice],
  );
}
