// Runs preflight checks from a screen (the Create form, the task list) through the open
// project's connections: what the checklist overlay shows (running, the result, or why it could
// not run), cancel/close (Esc aborts a run in progress: it stops between steps and closes both
// connections), and the last result per subject (a task's ARN, or the form) for this session,
// kept with the screen's route so it survives a visit to another screen.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../ui/services.js';
import { useRouteState } from '../ui/useRouteState.js';
import { errorLine } from '../aws/call.js';
import { type PreflightResult, runPreflightChecks } from '../db/preflight.js';
import { type PreflightRequest, preflightProjectProblem } from '../model/preflightRequest.js';

export type PreflightView =
  | { kind: 'running'; title: string }
  | { kind: 'done'; title: string; result: PreflightResult }
  | { kind: 'error'; title: string; error: string };

export interface PreflightApi {
  /** What the overlay shows, or null when it is closed. */
  view: PreflightView | null;
  /** Runs the checks on `subject` with the request `load` gives (it may call DMS first). */
  start(subject: string, title: string, load: () => Promise<PreflightRequest>): void;
  /** Closes the overlay; a run in progress is cancelled. */
  close(): void;
  /** The last finished result per subject. */
  last: ReadonlyMap<string, PreflightResult>;
  /** The subject of the last finished run, if any. */
  latest?: string;
}

export function usePreflight(): PreflightApi {
  const { project } = useServices();
  const [view, setView] = useState<PreflightView | null>(null);
  const [last, setLast] = useRouteState<ReadonlyMap<string, PreflightResult>>(
    'preflight',
    new Map(),
  );
  const [latest, setLatest] = useRouteState<string | undefined>('preflight:latest', undefined);
  const running = useRef<AbortController | null>(null);
  const cancel = useCallback(() => {
    running.current?.abort();
    running.current = null;
  }, []);
  useEffect(() => cancel, [cancel]);

  const start = useCallback(
    (subject: string, title: string, load: () => Promise<PreflightRequest>) => {
      cancel();
      const problem = preflightProjectProblem(project);
      if (problem || !project?.source || !project.target) {
        setView({ kind: 'error', title, error: problem ?? 'No project connections' });
        return;
      }
      const connections = { source: project.source, target: project.target };
      const controller = new AbortController();
      running.current = controller;
      setView({ kind: 'running', title });
      load()
        .then((request) => runPreflightChecks(connections, request, controller.signal))
        .then(
          (result) => {
            if (controller.signal.aborted) return;
            running.current = null;
            setLast((m) => new Map(m).set(subject, result));
            setLatest(subject);
            setView({ kind: 'done', title, result });
          },
          (error: unknown) => {
            if (controller.signal.aborted) return;
            running.current = null;
            setView({ kind: 'error', title, error: errorLine(error) });
          },
        );
    },
    [cancel, project, setLast, setLatest],
  );

  const close = useCallback(() => {
    cancel();
    setView(null);
  }, [cancel]);

  return { view, start, close, last, latest };
}
