// A "save to a file" dialog's state: the path being typed, the file waiting for "overwrite?",
// and the one line saying why the last attempt failed. The text is made when the user saves
// (it may depend on choices in the dialog). Writing goes through src/config/files.ts.
import { useState } from 'react';
import { saveTextFile } from '../config/files.js';

export interface SaveFile {
  path: string;
  setPath(path: string): void;
  /** The absolute path that exists and waits for "overwrite?", or null. */
  confirming: string | null;
  error: string | null;
  /** Saves to the typed path, asking first when the file exists. */
  accept(): void;
  overwrite(): void;
  keep(): void;
}

export function useSaveFile({
  initialPath,
  text,
  onSaved,
  mode,
}: {
  initialPath: string | (() => string);
  text: string | (() => string);
  onSaved(path: string): void;
  /** File mode for a new file (e.g. 0o600 for logs). */
  mode?: number;
}): SaveFile {
  const [path, setPathText] = useState(initialPath);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = (target: string, overwrite: boolean) => {
    const result = saveTextFile(target, typeof text === 'function' ? text() : text, {
      overwrite,
      mode,
    });
    setConfirming(null);
    if (result.status === 'saved') onSaved(result.path);
    else if (result.status === 'exists') setConfirming(result.path);
    else setError(result.error);
  };

  return {
    path,
    setPath: (next) => {
      setPathText(next);
      setError(null);
    },
    confirming,
    error,
    accept: () => {
      if (path.trim() === '') setError('Type a file name');
      else save(path, false);
    },
    overwrite: () => {
      if (confirming) save(confirming, true);
    },
    keep: () => setConfirming(null),
  };
}
