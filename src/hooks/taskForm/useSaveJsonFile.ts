// Save JSON's dialog state: the path being typed, the file waiting for "overwrite?", and the one
// line saying why the last attempt failed. Writing goes through src/config/files.ts.
import { useState } from 'react';
import { saveTextFile } from '../../config/files.js';

export interface SaveJsonFile {
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

export function useSaveJsonFile({
  initialPath,
  text,
  onSaved,
}: {
  initialPath: string;
  text: string;
  onSaved(path: string): void;
}): SaveJsonFile {
  const [path, setPathText] = useState(initialPath);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = (target: string, overwrite: boolean) => {
    const result = saveTextFile(target, text, { overwrite });
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
