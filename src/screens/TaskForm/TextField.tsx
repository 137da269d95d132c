// A one-line text field: printable keys insert at the cursor, ←/→/Home/End move it, Backspace
// and Delete remove the character before it. Control keys (Ctrl-s, Ctrl-p…) are left to the
// key table. The screen registers its layer with textInput: true while a field has focus.
import { Text, useInput } from 'ink';
import { useState } from 'react';
import { isTyping, keyName } from '../../model/keyName.js';

export interface TextFieldProps {
  value: string;
  onChange(value: string): void;
  focus: boolean;
  /** Shown instead of the characters (passwords). */
  mask?: string;
  placeholder?: string;
  width?: number;
}

export function TextField({ value, onChange, focus, mask, placeholder, width }: TextFieldProps) {
  const [cursor, setCursor] = useState(value.length);
  const at = Math.min(cursor, value.length);
  useInput(
    (input, key) => {
      const name = keyName(input, key);
      if (!isTyping(name)) return;
      if (name === 'left') setCursor(Math.max(0, at - 1));
      else if (name === 'right') setCursor(Math.min(value.length, at + 1));
      else if (name === 'home') setCursor(0);
      else if (name === 'end') setCursor(value.length);
      else if (name === 'backspace' || name === 'delete') {
        if (at > 0) {
          onChange(value.slice(0, at - 1) + value.slice(at));
          setCursor(at - 1);
        }
      } else {
        const text = name === 'space' ? ' ' : input;
        onChange(value.slice(0, at) + text + value.slice(at));
        setCursor(at + text.length);
      }
    },
    { isActive: focus },
  );
  const shown = mask ? mask.repeat(value.length) : value;
  if (!focus) {
    if (shown === '' && placeholder) return <Text dimColor>{placeholder}</Text>;
    return <Text>{clip(shown, width)}</Text>;
  }
  const before = shown.slice(0, at);
  const under = shown.slice(at, at + 1) || ' ';
  const after = shown.slice(at + 1);
  return (
    <Text>
      {before}
      <Text inverse>{under}</Text>
      {after}
    </Text>
  );
}

function clip(text: string, width: number | undefined): string {
  if (!width || text.length <= width) return text;
  return `${text.slice(0, Math.max(0, width - 1))}…`;
}
