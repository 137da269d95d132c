// A one-line text field: printable keys (and pastes) insert at the cursor, ←/→/Home/End move
// it, Backspace and Delete remove the character before it, Ctrl-u clears the field (as in a
// shell). Other control keys (Ctrl-s, Ctrl-p…) are left to the key table. The screen registers
// its layer with textInput: true while a field has focus. A field takes at most maxLength
// characters (default 4096): input beyond it is refused with a one-line note beside the field,
// and the work per key stays proportional to what is kept.
import { Text } from '../Text.js';
import { useLayoutEffect, useRef, useState } from 'react';
import { isTyping, keyName } from '../../model/keyName.js';
import { useTextInput } from '../../ui/bindings.js';

export interface TextFieldProps {
  value: string;
  onChange(value: string): void;
  /** Default true. */
  focus?: boolean;
  /** Shown instead of the characters (passwords). */
  mask?: string;
  placeholder?: string;
  width?: number;
  /** The most characters the field takes (its rule: DMS identifier, host name…). Default 4096. */
  maxLength?: number;
}

/** The limit of a field that does not name one: long enough for any path. */
export const DEFAULT_MAX_LENGTH = 4096;

export function TextField({
  value,
  onChange,
  focus = true,
  mask,
  placeholder,
  width,
  maxLength = DEFAULT_MAX_LENGTH,
}: TextFieldProps) {
  const [cut, setCut] = useState(0);
  // Keys can arrive faster than React re-renders: the handler reads and writes refs, so every
  // key sees the text as the previous key left it, and a field that lost focus ignores keys
  // at once (before Ink re-subscribes handlers).
  const [cursor, setCursor] = useState(value.length);
  const live = useRef({ value, cursor, focus, armed: focus, onChange, maxLength });
  // A value changed from outside (a suggestion, a restored draft) puts the cursor at its end.
  if (live.current.value !== value) live.current.cursor = value.length;
  live.current.value = value;
  live.current.focus = focus;
  live.current.onChange = onChange;
  live.current.maxLength = maxLength;
  if (!focus) live.current.armed = false;
  // A field that just got focus takes keys from the next key on, not the key that moved the
  // focus here (Ink re-renders synchronously while it is still handing that key round).
  useLayoutEffect(() => {
    if (!focus) return;
    let cancelled = false;
    queueMicrotask(() => {
      if (!cancelled) live.current.armed = true;
    });
    return () => {
      cancelled = true;
    };
  }, [focus]);
  const at = Math.min(live.current.cursor, value.length);
  useTextInput((input, key) => {
    const field = live.current;
    if (!field.focus || !field.armed) return;
    const name = keyName(input, key);
    if (name === 'ctrl+u') {
      field.cursor = 0;
      setCursor(0);
      setCut(0);
      if (field.value !== '') {
        field.value = '';
        field.onChange('');
      }
      return;
    }
    // A paste (or keys the terminal sent as one chunk) arrives as one multi-character input.
    const pasted =
      input.length > 1 && !key.ctrl && !key.meta ? input.replace(/[\u0000-\u001f\u007f]/g, '') : '';
    if (!isTyping(name) && !pasted) return;
    const text = field.value;
    const pos = Math.min(field.cursor, text.length);
    let next = text;
    let nextPos = pos;
    if (name === 'left') nextPos = Math.max(0, pos - 1);
    else if (name === 'right') nextPos = Math.min(text.length, pos + 1);
    else if (name === 'home') nextPos = 0;
    else if (name === 'end') nextPos = text.length;
    else if (name === 'backspace' || name === 'delete') {
      if (pos === 0) return;
      next = text.slice(0, pos - 1) + text.slice(pos);
      nextPos = pos - 1;
    } else {
      let typed = pasted || (name === 'space' ? ' ' : input);
      const room = Math.max(0, field.maxLength - text.length);
      if (typed.length > room) {
        setCut(typed.length - room);
        typed = typed.slice(0, room);
        // Never split a surrogate pair.
        if (/[\ud800-\udbff]$/.test(typed)) typed = typed.slice(0, -1);
        if (!typed) return;
      }
      next = text.slice(0, pos) + typed + text.slice(pos);
      nextPos = pos + typed.length;
    }
    if (name === 'backspace' || name === 'delete' || name === 'ctrl+u') setCut(0);
    field.cursor = nextPos;
    setCursor(nextPos);
    if (next !== text) {
      field.value = next;
      field.onChange(next);
    }
  });
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
      {cut > 0 ? (
        <Text color="yellow">
          {' '}
          ✂ at most {maxLength} characters: {cut} not taken
        </Text>
      ) : null}
    </Text>
  );
}

function clip(text: string, width: number | undefined): string {
  if (!width || text.length <= width) return text;
  return `${text.slice(0, Math.max(0, width - 1))}…`;
}
