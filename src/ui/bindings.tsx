// The key dispatcher. Screens, dialogs and overlays register layers of bindings
// ({command, handler, disabledReason}); one useInput offers each key to the top layer first
// (overlay, then dialog, then screen), then to the global bindings. The footer and the help
// overlay read the same layers, so what they show is exactly what the keys do.
import { useInput } from 'ink';
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
  bindings: () => Binding[];
}

const PRIORITY: Record<LayerKind, number> = { app: 0, screen: 1, dialog: 2, overlay: 3 };

interface Registry {
  set(layer: Layer): void;
  remove(id: number): void;
  layers(): Layer[];
  readOnly: boolean;
  nextId(): number;
}

const RegistryContext = createContext<Registry | null>(null);
/** Bumped whenever a layer changes, so the footer and help overlay redraw. */
const VersionContext = createContext(0);

function allowed(binding: Binding, readOnly: boolean): boolean {
  return !(readOnly && (COMMANDS[binding.command] as { dangerous?: boolean }).dangerous);
}

export function KeyDispatcher({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  const layers = useRef(new Map<number, Layer>());
  const counter = useRef(0);
  const [version, setVersion] = useState(0);
  const { setError } = useStatus();

  const registry = useMemo<Registry>(
    () => ({
      set(layer) {
        layers.current.set(layer.id, layer);
        setVersion((v) => v + 1);
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
    }),
    [readOnly],
  );

  useInput((input, key) => {
    const name = keyName(input, key);
    for (const layer of registry.layers()) {
      if (!layer.active) continue;
      if (layer.textInput && isTyping(name)) return;
      const binding = layer
        .bindings()
        .find(
          (b) =>
            allowed(b, readOnly) && (COMMANDS[b.command].keys as readonly string[]).includes(name),
        );
      if (binding) {
        if (binding.disabledReason) setError(binding.disabledReason);
        else binding.handler();
        return;
      }
      const modal = layer.kind === 'dialog' || layer.kind === 'overlay';
      if (modal && name !== 'ctrl+c') return;
    }
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
  if (id.current === 0) id.current = registry.nextId();
  const latest = useRef(bindings);
  latest.current = bindings;
  const kind = options.kind ?? 'screen';
  const textInput = options.textInput ?? false;
  const active = options.active ?? true;
  const signature = bindings.map((b) => `${b.command}:${b.disabledReason ?? ''}`).join('|');

  // biome-ignore lint/correctness/useExhaustiveDependencies: signature stands for the bindings' shape
  useLayoutEffect(() => {
    registry.set({ id: id.current, kind, textInput, active, bindings: () => latest.current });
  }, [registry, kind, textInput, active, signature]);
  useLayoutEffect(() => {
    const mine = id.current;
    return () => registry.remove(mine);
  }, [registry]);
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
