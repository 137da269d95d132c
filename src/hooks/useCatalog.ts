// One side's catalog for the schema browser: the run-wide cached session for a connection, and
// its current snapshot (re-rendering when something finishes loading).
import { useMemo, useSyncExternalStore } from 'react';
import { useServices } from '../ui/services.js';
import {
  type CatalogSession,
  type CatalogSnapshot,
  CatalogSessions,
} from '../db/catalog/session.js';
import type { ConnectionSpec } from '../model/connection.js';

const EMPTY: CatalogSnapshot = { tables: new Map(), details: new Map() };
const noop = () => () => undefined;
let fallback: CatalogSessions | undefined;

export function useCatalog(spec: ConnectionSpec | null | undefined): {
  session?: CatalogSession;
  snapshot: CatalogSnapshot;
} {
  const services = useServices();
  if (!services.catalogs && !fallback) fallback = new CatalogSessions();
  const sessions = services.catalogs ?? fallback!;
  const key = spec ? JSON.stringify(spec) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for spec
  const session = useMemo(() => (spec ? sessions.get(spec) : undefined), [sessions, key]);
  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noop,
    session?.getSnapshot ?? (() => EMPTY),
  );
  return { session, snapshot };
}
