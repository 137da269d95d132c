// A test sandbox for tests of hostile requests, with stderr watched: call `withQuietSandbox()`
// at the top of a test file; it registers the file's hooks, starts the sandbox in beforeAll
// (`fx.t`), closes it in afterAll, and fails any test during which anything reached stderr.
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

export function withQuietSandbox(): { t: TestSandbox } {
  const fx = { t: undefined as unknown as TestSandbox };
  let stderr: string[] = [];
  beforeAll(async () => {
    fx.t = await startTestSandbox();
  });
  afterAll(async () => {
    await fx.t.close();
  });
  beforeEach(() => {
    stderr = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    expect(stderr.join('')).toBe('');
  });
  return fx;
}
