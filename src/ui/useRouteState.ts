import { useCallback, useState } from 'react';
import { useNavigation } from './navigation.js';

/**
 * Like useState, but the value is remembered for this route (screen + params + depth), so a
 * list keeps its cursor, sort and filter when the user opens details and comes back.
 */
export function useRouteState<T>(
  name: string,
  initial: T,
): [T, (value: T | ((previous: T) => T)) => void] {
  const { stack, memory } = useNavigation();
  const route = stack.at(-1);
  const key = `${stack.length}:${route?.screen}:${JSON.stringify(route?.params ?? {})}:${name}`;
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (next: T | ((previous: T) => T)) =>
      setValue((previous) => {
        const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        memory.set(key, resolved);
        return resolved;
      }),
    [key, memory],
  );
  return [value, set];
}
