// A one-line text field: appends what is typed (or pasted), Backspace deletes. Control and Alt
// combinations, Tab, Enter, Esc and arrows are left to the key dispatcher, so form commands
// like Ctrl-s never leak a character into the field; Ctrl-u clears it (as in a shell). `mask`
// hides the text.
import { Text, useInput } from 'ink';

export interface TextFieldProps {
  value: string;
  /**
   * Gets an edit to apply to the latest value (keys can arrive faster than renders, so an edit
   * never starts from a stale `value`). Use with a functional state update.
   */
  onEdit: (edit: (previous: string) => string) => void;
  focus?: boolean;
  mask?: string;
  placeholder?: string;
}

export function TextField({ value, onEdit, focus = true, mask, placeholder }: TextFieldProps) {
  useInput(
    (input, key) => {
      if (key.backspace || key.delete) {
        onEdit((previous) => [...previous].slice(0, -1).join(''));
        return;
      }
      if (key.ctrl && input === 'u') {
        onEdit(() => '');
        return;
      }
      if (
        key.ctrl ||
        key.meta ||
        key.tab ||
        key.return ||
        key.escape ||
        key.upArrow ||
        key.downArrow ||
        key.leftArrow ||
        key.rightArrow ||
        key.pageUp ||
        key.pageDown
      )
        return;
      const printable = input.replace(/[\u0000-\u001f\u007f]/g, '');
      if (printable) onEdit((previous) => previous + printable);
    },
    { isActive: focus },
  );
  const shown = mask ? mask.repeat([...value].length) : value;
  return (
    <Text>
      {shown === '' && placeholder ? <Text dimColor>{placeholder}</Text> : shown}
      {focus ? <Text inverse> </Text> : null}
    </Text>
  );
}
