// The status bar's live parts: the latest error line, a transient notice, the last refresh, and
// the recent messages (with times) that the `:messages` screen lists, so a line cut short on the
// status bar, or one already cleared, can still be read in full.
// Actions and state live in separate contexts so that screens which only report (most of them)
// do not re-render when the status bar changes.
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

export interface StatusMessage {
  /** Counts up from 1 for the run. */
  id: number;
  at: Date;
  kind: 'error' | 'notice';
  text: string;
}

/** How many recent messages `:messages` keeps. */
export const MESSAGE_HISTORY = 200;

export interface StatusState {
  error?: string;
  notice?: string;
  lastRefresh?: Date;
  refreshing: boolean;
  /** Recent messages, oldest first (at most MESSAGE_HISTORY). */
  messages: readonly StatusMessage[];
  /** The start-up notice (a config file moved aside) stays until another message replaces it. */
  sticky?: boolean;
}

export interface StatusActions {
  /** One readable line where the user is looking; null clears it. */
  setError(message: string | null): void;
  setNotice(message: string | null): void;
  /** Clears the status line (the user moved on); the messages stay on `:messages`. */
  clearMessage(): void;
  setRefresh(info: { lastRefresh?: Date; refreshing: boolean }): void;
}

const StateContext = createContext<StatusState | null>(null);
const ActionsContext = createContext<StatusActions | null>(null);

function remember(
  messages: readonly StatusMessage[],
  kind: StatusMessage['kind'],
  text: string,
): readonly StatusMessage[] {
  const last = messages.at(-1);
  if (last && last.kind === kind && last.text === text) return messages;
  return [
    ...messages.slice(-(MESSAGE_HISTORY - 1)),
    { id: (last?.id ?? 0) + 1, at: new Date(), kind, text },
  ];
}

export function StatusProvider({
  children,
  initialNotice,
}: {
  children: ReactNode;
  initialNotice?: string;
}) {
  const [status, setStatus] = useState<StatusState>(() => ({
    refreshing: false,
    notice: initialNotice,
    sticky: Boolean(initialNotice),
    messages: initialNotice ? remember([], 'notice', initialNotice) : [],
  }));
  const actions = useMemo<StatusActions>(() => {
    const set = (kind: StatusMessage['kind'], message: string | null) =>
      setStatus((s) =>
        s[kind] === (message ?? undefined)
          ? s
          : {
              ...s,
              [kind]: message ?? undefined,
              sticky: false,
              messages: message ? remember(s.messages, kind, message) : s.messages,
            },
      );
    return {
      setError: (message) => set('error', message),
      setNotice: (message) => set('notice', message),
      clearMessage: () =>
        setStatus((s) =>
          s.sticky || (s.error === undefined && s.notice === undefined)
            ? s
            : { ...s, error: undefined, notice: undefined },
        ),
      setRefresh: ({ lastRefresh, refreshing }) =>
        setStatus((s) =>
          s.refreshing === refreshing &&
          (lastRefresh === undefined || s.lastRefresh === lastRefresh)
            ? s
            : { ...s, refreshing, lastRefresh: lastRefresh ?? s.lastRefresh },
        ),
    };
  }, []);
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
