// One full garbage collection, asked for after a burst of reading that left only garbage
// behind (a log backfill: 100,000 events parsed page by page, kept packed). V8 would collect it
// and give the memory back to the system only seconds later, so the process would sit tens of
// megabytes above what it holds. Node exposes gc() only with --expose-gc; the flag is set once,
// at the first call, and a fresh context hands out the function (the heap sizes are Node's
// defaults all along).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

export function releaseMemory(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
