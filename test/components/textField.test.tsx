import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TextField } from '../../src/components/form/TextField.js';
import { renderInk } from '../support/ink.js';

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
    const app = renderInk(<Field seen={seen} />);
    await app.press('a', 'b');
    app.stdin.write('cdef'); // one chunk, as a paste arrives
    await app.waitForText('abcdef');
    await app.press('left', 'left', 'X', 'backspace', 'backspace');
    await app.waitForText('abcef');
    await app.press('ctrl+u');
    await app.waitForText(/^ ?$/);
    expect(seen).toEqual(['a', 'ab', 'abcdef', 'abcdXef', 'abcdef', 'abcef', '']);
    app.unmount();
  });

  it('keeps every key when keys arrive faster than renders', async () => {
    const seen: string[] = [];
    const app = renderInk(<Field seen={seen} />);
    await app.press('x');
    for (const key of 'project') app.stdin.write(key);
    await app.waitForText('xproject');
    app.unmount();
  });
});
