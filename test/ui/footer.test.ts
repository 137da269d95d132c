import { describe, expect, it } from 'vitest';
import type { ShownBinding } from '../../src/ui/bindings.js';
import { COMMANDS, type CommandId } from '../../src/ui/keys.js';
import { footerBindings } from '../../src/components/KeyHints.js';

const shown = (
  command: CommandId,
  layer: ShownBinding['layer'],
  disabledReason?: string,
): ShownBinding => ({
  command,
  layer,
  keys: COMMANDS[command].keys,
  description: COMMANDS[command].description,
  disabledReason,
  textInput: false,
});

describe('footer hints', () => {
  const globals = [shown('app.quit', 'app'), shown('app.help', 'app'), shown('nav.back', 'app')];

  it('offers only the dialog keys while a dialog is open', () => {
    const active = [
      shown('dialog.confirm', 'dialog'),
      shown('dialog.cancel', 'dialog'),
      shown('profiles.test', 'screen'),
      ...globals,
    ];
    expect(footerBindings(active).map((b) => b.command)).toEqual([
      'dialog.confirm',
      'dialog.cancel',
    ]);
  });

  it('does not offer letter keys while a text field has focus', () => {
    const typing = (command: CommandId) => ({ ...shown(command, 'screen'), textInput: true });
    const active = [typing('profiles.test'), typing('prompt.accept'), ...globals];
    expect(footerBindings(active).map((b) => b.command)).toEqual([
      'prompt.accept',
      'app.quit',
      'nav.back',
    ]);
  });

  it('never offers one key twice and leaves out a disabled global', () => {
    const active = [
      shown('prompt.cancel', 'screen'),
      shown('profiles.test', 'screen'),
      shown('list.up', 'screen'),
      ...globals.slice(0, 2),
      shown('nav.back', 'app', 'Already at the top'),
    ];
    expect(footerBindings(active).map((b) => b.command)).toEqual([
      'prompt.cancel',
      'profiles.test',
      'app.quit',
      'app.help',
    ]);
  });
});

describe('footer hints beside a text field', () => {
  it('offers a command by its non-letter key while typing is captured', () => {
    const preview = {
      command: 'form.preview' as CommandId,
      layer: 'screen' as const,
      keys: ['p', 'ctrl+p'],
      description: 'Preview JSON',
      textInput: true,
    };
    expect(footerBindings([preview]).map((b) => b.keys)).toEqual([['ctrl+p']]);
  });
});
