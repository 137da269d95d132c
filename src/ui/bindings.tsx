// The key dispatcher. Screens, dialogs and overlays register layers of bindings
// ({command, handler, disabledReason}); one useInput offers each key to the top layer first
// (overlay, then dialog, then screen), then to the global bindings. The footer and the help
// overlay read the same layers, so what they show is exactly what the keys do.
import { type Key, useInput } from 'ink';
import {
  createContext,
  type ReactNode,
  useContext,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { keyName, isTyping } from '../model/keyName.js';
import { COMMANDS, type CommandId } from './keys.js';
import { useStatus } from './status.js';

export interface Binding {
  command: CommandId;
  handler: () => void;
  /** When set, the key is shown dimmed and pressing it shows this reason instead of acting. */
  disabledReason?: string | null;
}

export type LayerKind = 'app' | 'screen' | 'dialog' | 'overlay';

export interface LayerOptions {
  kind?: LayerKind;
  /** A text field has focus: printable keys, arrows and Backspace go to it, not to commands. */
  textInput?: boolean;
  /** An inactive layer is skipped (e.g. a pane without focus). Default true. */
  active?: boolean;
}

interface Layer {
  id: number;
  kind: LayerKind;
  textInput: boolean;
  active: boolean;
  /** The commands and disabled reasons, joined: a layer set again with the same one and the
   *  same options changes nothing the footer shows. */
  signature: string;
  bindings: () => Binding[];
}

const PRIORITY: Record<LayerKind, number> = { app: 0, screen: 1, dialog: 2, overlay: 3 };

/** A text field's key handler (see useTextInput). */
type TextSink = { current: (input: string, key: Key) => void };

interface Registry {
  set(layer: Layer): void;
  /** Adds a layer while its component first renders, without a redraw: what renders after it
   *  (the footer) already sees it, so a screen's first frame has its keys. Ink renders in
   *  React's legacy (synchronous) mode, where a render is committed before the next key is
   *  read; the layout effect then confirms the layer (set) and its unmount removes it. */
  preset(layer: Layer): void;
  remove(id: number): void;
  layers(): Layer[];
  readOnly: boolean;
  nextId(): number;
  textSinks: Set<TextSink>;
}

const RegistryContext = createContext<Registry | null>(null);
/** Bumped whenever a layer changes, so the footer and help overlay redraw. */
const VersionContext = createContext(0);

function sameLayer(a: Layer, b: Layer): boolean {
  return (
    a.kind === b.kind &&
    a.textInput === b.textInput &&
    a.active === b.active &&
    a.signature === b.signature
  );
}

function allowed(binding: Binding, readOnly: boolean): boolean {
  return !(readOnly && (COMMANDS[binding.command] as { dangerous?: boolean }).dangerous);
}

/** What a key refused under --read-only says (it is not in the footer or help either). */
export function readOnlyRefusal(command: CommandId): string {
  const what = COMMANDS[command].description.split(/[:(]/)[0]?.trim() ?? command;
  return `Read-only: ${what} is off (--read-only)`;
}

export function KeyDispatcher({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  const layers = useRef(new Map<number, Layer>());
  const counter = useRef(0);
  const [version, setVersion] = useState(0);
  const { setError, clearMessage } = useStatus();

  const registry = useMemo<Registry>(
    () => ({
      set(layer) {
        const old = layers.current.get(layer.id);
        layers.current.set(layer.id, layer);
        if (!old || !sameLayer(old, layer)) setVersion((v) => v + 1);
      },
      preset(layer) {
        layers.current.set(layer.id, layer);
      },
      remove(id) {
        layers.current.delete(id);
        setVersion((v) => v + 1);
      },
      layers: () =>
        [...layers.current.values()].sort(
          (a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.id - a.id,
        ),
      readOnly,
      nextId: () => ++counter.current,
      textSinks: new Set(),
    }),
    [readOnly],
  );

  const dispatch = (input: string, key: Key) => {
    const name = keyName(input, key);
    for (const layer of registry.layers()) {
      if (!layer.active) continue;
      if (layer.textInput && isTyping(name)) return;
      const binding = layer
        .bindings()
        .find((b) => (COMMANDS[b.command].keys as readonly string[]).includes(name));
      if (binding) {
        // A command key means the user moved on: the last message goes (it stays on :messages);
        // the handler may set a new one.
        clearMessage();
        if (!allowed(binding, readOnly)) setError(readOnlyRefusal(binding.command));
        else if (binding.disabledReason) setError(binding.disabledReason);
        else binding.handler();
        return;
      }
      const modal = layer.kind === 'dialog' || layer.kind === 'overlay';
      if (modal && name !== 'ctrl+c') return;
    }
  };
  useInput((input, key) => {
    // Text fields then see every key, as their own useInput would: those mounted when it came.
    const sinks = [...registry.textSinks];
    dispatch(input, key);
    for (const sink of sinks) sink.current(input, key);
  });

  return (
    <RegistryContext.Provider value={registry}>
      <VersionContext.Provider value={version}>{children}</VersionContext.Provider>
    </RegistryContext.Provider>
  );
}

function useRegistry(): Registry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('key bindings used outside <KeyDispatcher>');
  return registry;
}

/** Registers this component's bindings while it is mounted. */
export function useBindings(bindings: Binding[], options: LayerOptions = {}): void {
  const registry = useRegistry();
  const id = useRef(0);
  const latest = useRef(bindings);
  latest.current = bindings;
  const kind = options.kind ?? 'screen';
  const textInput = options.textInput ?? false;
  const active = options.active ?? true;
  const signature = bindings.map((b) => `${b.command}:${b.disabledReason ?? ''}`).join('|');
  const layer = () => ({
    id: id.current,
    kind,
    textInput,
    active,
    signature,
    bindings: () => latest.current,
  });
  if (id.current === 0) {
    id.current = registry.nextId();
    registry.preset(layer());
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: signature stands for the bindings' shape
  useLayoutEffect(() => {
    registry.set(layer());
  }, [registry, kind, textInput, active, signature]);
  useLayoutEffect(() => {
    const mine = id.current;
    return () => registry.remove(mine);
  }, [registry]);
}

/**
 * Ink's useInput for text fields, subscribed while the field commits (a layout effect) instead
 * of after it: Ink subscribes in a passive effect, which a busy machine can run only after the
 * next key was read, so a field opened by `:` lost the `p` of `:prof`. Keys come from the
 * dispatcher, after the commands; outside a <KeyDispatcher> Ink's useInput serves.
 */
export function useTextInput(handler: (input: string, key: Key) => void): void {
  const registry = useContext(RegistryContext);
  const sink = useRef(handler);
  sink.current = handler;
  useLayoutEffect(() => {
    if (!registry) return;
    registry.textSinks.add(sink);
    return () => {
      registry.textSinks.delete(sink);
    };
  }, [registry]);
  useInput((input, key) => sink.current(input, key), { isActive: !registry });
}

export interface ShownBinding {
  command: CommandId;
  keys: readonly string[];
  description: string;
  disabledReason?: string | null;
  layer: LayerKind;
  /** The binding's layer has a text field in focus (typing keys go to the field). */
  textInput: boolean;
}

/** The bindings in force now, top layer first (what the footer and help overlay show). */
export function useActiveBindings({ skip }: { skip?: LayerKind } = {}): ShownBinding[] {
  const registry = useRegistry();
  useContext(VersionContext);
  const seen = new Set<string>();
  const shown: ShownBinding[] = [];
  for (const layer of registry.layers()) {
    if (!layer.active || layer.kind === skip) continue;
    for (const b of layer.bindings()) {
      if (!allowed(b, registry.readOnly) || seen.has(b.command)) continue;
      seen.add(b.command);
      const spec = COMMANDS[b.command];
      shown.push({
        command: b.command,
        keys: spec.keys,
        description: spec.description,
        disabledReason: b.disabledReason,
        layer: layer.kind,
        textInput: layer.textInput,
      });
    }
  }
  return shown;
}

export function useReadOnly(): boolean {
  return useRegistry().readOnly;
}
