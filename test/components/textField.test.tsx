import { render } from 'ink-testing-library';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TextField } from '../../src/components/form/TextField.js';
import { KEYS, press, waitForFrame } from '../support/ink.js';

function Field({ initial = '', seen }: { initial?: string; seen: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <TextField
      value={value}
      onChange={(text) => {
        seen.push(text);
        setValue(text);
      }}
    />
  );
}

describe('TextField', () => {
  it('takes typed keys, a pasted chunk, cursor moves, Backspace and Ctrl-u', async () => {
    const seen: string[] = [];
    const app = render(<Field seen={seen} />);
    await press(app.stdin, 'a', 'b');
    app.stdin.write('cdef'); // one chunk, as a paste arrives
    await waitForFrame(app.lastFrame, 'abcdef');
    await press(app.stdin, KEYS.left, KEYS.left, 'X', KEYS.backspace, KEYS.backspace);
    await waitForFrame(app.lastFrame, 'abcef');
    await press(app.stdin, KEYS.ctrl('u'));
    await waitForFrame(app.lastFrame, /^ ?$/);
    expect(seen).toEqual(['a', 'ab', 'abcdef', 'abcdXef', 'abcdef', 'abcef', '']);
    app.unmount();
  });

  it('keeps every key when keys arrive faster than renders', async () => {
    const seen: string[] = [];
    const app = render(<Field seen={seen} />);
    await press(app.stdin, 'x');
    for (const key of 'project') app.stdin.write(key);
    await waitForFrame(app.lastFrame, 'xproject');
    app.unmount();
  });
});
