// Turns one key press (Ink's input string + key flags) into a canonical name used by the key
// table: "q", "R", "?", "ctrl+d", "shift+tab", "enter", "escape", "up", "pagedown", "space".
// Pure: the flags are a structural copy of Ink's Key, so this module needs no ink import.

export interface KeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageDown?: boolean;
  pageUp?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  meta?: boolean;
}

const NAMED: [keyof KeyFlags, string][] = [
  ['upArrow', 'up'],
  ['downArrow', 'down'],
  ['leftArrow', 'left'],
  ['rightArrow', 'right'],
  ['pageUp', 'pageup'],
  ['pageDown', 'pagedown'],
  ['home', 'home'],
  ['end', 'end'],
  ['return', 'enter'],
  ['escape', 'escape'],
  ['tab', 'tab'],
  ['backspace', 'backspace'],
  ['delete', 'delete'],
];

export function keyName(input: string, key: KeyFlags): string {
  for (const [flag, name] of NAMED) {
    if (key[flag]) {
      if (name === 'tab' && key.shift) return 'shift+tab';
      return key.ctrl ? `ctrl+${name}` : name;
    }
  }
  if (input === ' ') return 'space';
  if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
  if (key.meta && input.length === 1) return `alt+${input}`;
  return input;
}

/** How a key name is shown to people: "ctrl+d" → "Ctrl-d", "enter" → "Enter", "up" → "↑". */
export function keyLabel(name: string): string {
  const arrows: Record<string, string> = { up: '↑', down: '↓', left: '←', right: '→' };
  if (arrows[name]) return arrows[name];
  const words: Record<string, string> = {
    enter: 'Enter',
    escape: 'Esc',
    tab: 'Tab',
    'shift+tab': 'Shift-Tab',
    space: 'Space',
    pageup: 'PgUp',
    pagedown: 'PgDn',
    home: 'Home',
    end: 'End',
    backspace: 'Backspace',
    delete: 'Del',
  };
  if (words[name]) return words[name];
  if (name.startsWith('ctrl+')) return `Ctrl-${name.slice(5)}`;
  if (name.startsWith('alt+')) return `Alt-${name.slice(4)}`;
  return name;
}

/** True for keys a focused text field would consume as typing. */
export function isTyping(name: string): boolean {
  return (
    name.length === 1 ||
    name === 'space' ||
    name === 'backspace' ||
    name === 'delete' ||
    name === 'left' ||
    name === 'right' ||
    name === 'home' ||
    name === 'end'
  );
}
