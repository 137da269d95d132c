// The status bar's live parts: the latest error line, a transient notice, the last refresh.
// Actions and state live in separate contexts so that screens which only report (most of them)
// do not re-render when the status bar changes.
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

export interface StatusState {
  error?: string;
  notice?: string;
  lastRefresh?: Date;
  refreshing: boolean;
}

export interface StatusActions {
  /** One readable line where the user is looking; null clears it. */
  setError(message: string | null): void;
  setNotice(message: string | null): void;
  setRefresh(info: { lastRefresh?: Date; refreshing: boolean }): void;
}

const StateContext = createContext<StatusState | null>(null);
const ActionsContext = createContext<StatusActions | null>(null);

export function StatusProvider({
  children,
  initialNotice,
}: {
  children: ReactNode;
  initialNotice?: string;
}) {
  const [status, setStatus] = useState<StatusState>({ refreshing: false, notice: initialNotice });
  const actions = useMemo<StatusActions>(
    () => ({
      setError: (message) =>
        setStatus((s) =>
          s.error === (message ?? undefined) ? s : { ...s, error: message ?? undefined },
        ),
      setNotice: (message) =>
        setStatus((s) =>
          s.notice === (message ?? undefined) ? s : { ...s, notice: message ?? undefined },
        ),
      setRefresh: ({ lastRefresh, refreshing }) =>
        setStatus((s) =>
          s.refreshing === refreshing &&
          (lastRefresh === undefined || s.lastRefresh === lastRefresh)
            ? s
            : { ...s, refreshing, lastRefresh: lastRefresh ?? s.lastRefresh },
        ),
    }),
    [],
  );
  return (
    <ActionsContext.Provider value={actions}>
      <StateContext.Provider value={status}>{children}</StateContext.Provider>
    </ActionsContext.Provider>
  );
}

export function useStatus(): StatusActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useStatus() called outside <StatusProvider>');
  return actions;
}

export function useStatusState(): StatusState {
  const state = useContext(StateContext);
  if (!state) throw new Error('useStatusState() called outside <StatusProvider>');
  return state;
}
