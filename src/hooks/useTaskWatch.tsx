// The app's watch over its tasks: the latest replication lag of every running CDC task (one
// GetMetricData call for all of them, every `metricsSeconds`, default 30 s: never on every
// refresh) and the alerts (a failed task, a lag over the threshold preference) with the bell.
// The Data Migration View and task details feed it the tasks they poll (`observe`); when no
// screen has for a whole interval, it reads the task list itself, so alerts keep coming on
// any screen.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { fetchLatestLags } from '../aws/metrics.js';
import { listNames, listTasks } from '../aws/tasks.js';
import { lagAlertSeconds } from '../config/preferences.js';
import { type AlertState, alertConditions, NO_ALERTS, updateAlerts } from '../model/alerts.js';
import { metricPeriodSeconds, metricsIntervalSeconds } from '../model/awsTarget.js';
import { instanceName, NO_NAMES, type Task, type TaskNames } from '../model/task.js';
import { isCdcTask, type LagSample } from '../model/taskMetrics.js';
import { useServices } from '../ui/services.js';

export interface TaskWatch {
  /** Latest lag by task ARN (running CDC tasks with metrics). */
  lags: ReadonlyMap<string, LagSample>;
  alerts: AlertState;
  /** The lag that raises an alert, in seconds. */
  thresholdSeconds: number;
  /** A screen's fresh task list (and the names it knows). */
  observe(tasks: readonly Task[], names?: TaskNames): void;
}

const NO_LAGS: ReadonlyMap<string, LagSample> = new Map();
const WatchContext = createContext<TaskWatch | null>(null);

const watched = (tasks: readonly Task[]) =>
  tasks.filter((t) => t.status === 'running' && isCdcTask(t));

export function TaskWatchProvider({ children }: { children: ReactNode }) {
  const services = useServices();
  const { clients } = services;
  const intervalMs = (services.metricsSeconds ?? metricsIntervalSeconds(clients.target)) * 1000;
  const thresholdSeconds = lagAlertSeconds(services.preferences.get());
  const [lags, setLags] = useState<ReadonlyMap<string, LagSample>>(NO_LAGS);
  const [alerts, setAlerts] = useState<AlertState>(NO_ALERTS);
  const seen = useRef({ tasks: [] as readonly Task[], names: NO_NAMES, at: 0 });
  const lagsRef = useRef(lags);
  const inFlight = useRef(false);
  const bell = services.bell;

  const evaluate = useCallback(
    (tasks: readonly Task[], known: ReadonlyMap<string, LagSample>) => {
      let rang = false;
      setAlerts((state) => {
        const next = updateAlerts(
          state,
          alertConditions(tasks, known, thresholdSeconds),
          Date.now(),
        );
        if (next.raised.length > 0 && !rang) {
          rang = true;
          bell?.();
        }
        return next.state;
      });
    },
    [thresholdSeconds, bell],
  );

  const fetchLags = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      if (Date.now() - seen.current.at > intervalMs) {
        const { tasks } = await listTasks(clients);
        const names = await listNames(clients).catch(() => seen.current.names);
        seen.current = { tasks, names, at: Date.now() };
      }
      const { tasks, names } = seen.current;
      const keys = watched(tasks).map((t) => ({
        arn: t.arn,
        instanceId: instanceName(t.instanceArn, names),
      }));
      const got =
        keys.length > 0
          ? (
              await fetchLatestLags(clients, keys, {
                periodSeconds: metricPeriodSeconds(clients.target, 'lag'),
              })
            ).lags
          : NO_LAGS;
      lagsRef.current = got;
      setLags(got);
      evaluate(seen.current.tasks, got);
    } catch {
      // Metrics are a nicety: a failed fetch keeps the last lags (the task list says why
      // AWS is unreachable).
    } finally {
      inFlight.current = false;
    }
  }, [clients, intervalMs, evaluate]);

  useEffect(() => {
    const timer = setInterval(() => void fetchLags(), intervalMs);
    return () => clearInterval(timer);
  }, [fetchLags, intervalMs]);

  const observe = useCallback(
    (tasks: readonly Task[], names?: TaskNames) => {
      const before = seen.current.tasks;
      seen.current = { tasks, names: names ?? seen.current.names, at: Date.now() };
      evaluate(tasks, lagsRef.current);
      // A CDC task that just started running gets its lag at once, not at the next interval.
      const known = new Set(watched(before).map((t) => t.arn));
      if (watched(tasks).some((t) => !known.has(t.arn))) void fetchLags();
    },
    [evaluate, fetchLags],
  );

  const value = useMemo<TaskWatch>(
    () => ({ lags, alerts, thresholdSeconds, observe }),
    [lags, alerts, thresholdSeconds, observe],
  );
  return <WatchContext.Provider value={value}>{children}</WatchContext.Provider>;
}

export function useTaskWatch(): TaskWatch {
  const watch = useContext(WatchContext);
  if (!watch) throw new Error('useTaskWatch() called outside <TaskWatchProvider>');
  return watch;
}
