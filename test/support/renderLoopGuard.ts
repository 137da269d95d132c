// A render loop (an effect that sets state on every render, e.g. a hook asking for a refresh each
// time its data arrives) keeps a core busy while the screen looks fine; React only prints
// "Maximum update depth exceeded". Any test during which React says so fails.
import { afterEach, beforeEach, expect } from 'vitest';

const LOOP = /Maximum update depth exceeded/;
let loops: string[] = [];
const printError = console.error;
console.error = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (LOOP.test(text)) loops.push(text.split('\n')[0] ?? text);
  printError(...args);
};

beforeEach(() => {
  loops = [];
});

afterEach(() => {
  expect(loops, 'React reported a render loop during this test').toEqual([]);
});
