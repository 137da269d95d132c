// A field takes what its rule allows: a 100 KB paste into a 255-character field leaves 255
// characters and a one-line note, with one change (the work does not grow with the paste).
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { TextField } from '../../src/components/form/TextField.js';
import { renderInk } from '../support/ink.js';

function Field({ seen, maxLength }: { seen: string[]; maxLength?: number }) {
  const [value, setValue] = useState('');
  return (
    <TextField
      value={value}
      maxLength={maxLength}
      width={20}
      onChange={(text) => {
        seen.push(text);
        setValue(text);
      }}
    />
  );
}

describe('TextField maxLength', () => {
  it('cuts a 100 KB paste to the limit with a note, and refuses more', async () => {
    const seen: string[] = [];
    const app = renderInk(<Field seen={seen} maxLength={255} />);
    app.stdin.write('n'.repeat(100_000));
    await app.waitForText('at most 255 characters: 99745 not taken');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBe('n'.repeat(255));
    await app.press('x');
    await app.waitForText('1 not taken');
    expect(seen).toHaveLength(1);
    await app.press('backspace');
    await app.waitFor((screen) => expect(screen).not.toContain('not taken'));
    expect(seen.at(-1)).toHaveLength(254);
    app.unmount();
  });

  it('bounds a field that names no limit', async () => {
    const seen: string[] = [];
    const app = renderInk(<Field seen={seen} />);
    app.stdin.write('p'.repeat(10_000));
    await app.waitForText('at most 4096 characters');
    expect(seen[0]).toHaveLength(4096);
    app.unmount();
  });
});
