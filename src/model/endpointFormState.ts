// The "Create new…" endpoint sub-form's state: the draft, the focused field, the fields touched,
// whether every error shows (after a Create attempt), the error DMS gave back and the field it
// concerns; the reducer that changes them and the words the form shows. Pure; the draft itself
// and its checks: endpointDraft.ts.
import { engineInfo } from './connection.js';
import {
  ENDPOINT_FIELDS,
  type EndpointDraft,
  type EndpointField,
  endpointDraftErrors,
  nextEngine,
  nextSslMode,
} from './endpointDraft.js';

export interface EndpointFormState {
  draft: EndpointDraft;
  focus: EndpointField;
  touched: EndpointField[];
  showAllErrors: boolean;
  /** DMS's refusal of CreateEndpoint (or why it cannot be sent), on a field or the form. */
  serverError?: { field?: EndpointField; message: string };
}

export type EndpointFormAction =
  | { type: 'edit'; patch: Partial<EndpointDraft> }
  | { type: 'move'; step: 1 | -1 }
  /** ←/→/Space on a choice field (engine, SSL mode). */
  | { type: 'cycle'; step: 1 | -1 }
  /** A Create attempt: every error shows and the first field in error takes focus. */
  | { type: 'attempt' }
  | { type: 'serverError'; field?: EndpointField; message: string };

export const ENDPOINT_CHOICE_FIELDS: readonly EndpointField[] = ['engine', 'sslMode'];

export function isEndpointChoiceField(field: EndpointField): boolean {
  return ENDPOINT_CHOICE_FIELDS.includes(field);
}

export function initialEndpointForm(draft: EndpointDraft): EndpointFormState {
  return { draft, focus: 'identifier', touched: [], showAllErrors: false };
}

/** The first field in error, in the form's order. */
export function firstEndpointError(draft: EndpointDraft): EndpointField | undefined {
  const errors = endpointDraftErrors(draft);
  return ENDPOINT_FIELDS.find((f) => errors[f.field])?.field;
}

export function endpointFormReducer(
  state: EndpointFormState,
  action: EndpointFormAction,
): EndpointFormState {
  switch (action.type) {
    case 'edit':
      return { ...state, draft: { ...state.draft, ...action.patch }, serverError: undefined };
    case 'move': {
      const i = ENDPOINT_FIELDS.findIndex((f) => f.field === state.focus);
      const n = ENDPOINT_FIELDS.length;
      const next = ENDPOINT_FIELDS[(i + action.step + n) % n]?.field ?? state.focus;
      const touched = state.touched.includes(state.focus)
        ? state.touched
        : [...state.touched, state.focus];
      return { ...state, focus: next, touched };
    }
    case 'cycle': {
      const patch = cycledEndpointChoice(state.draft, state.focus, action.step);
      return patch ? endpointFormReducer(state, { type: 'edit', patch }) : state;
    }
    case 'attempt':
      return {
        ...state,
        showAllErrors: true,
        focus: firstEndpointError(state.draft) ?? state.focus,
      };
    case 'serverError':
      return {
        ...state,
        focus: action.field ?? state.focus,
        serverError: { field: action.field, message: action.message },
      };
  }
}

/** One step of a choice; a port left at the old engine's default follows the new engine. */
function cycledEndpointChoice(
  draft: EndpointDraft,
  field: EndpointField,
  step: 1 | -1,
): Partial<EndpointDraft> | null {
  if (field === 'sslMode') return { sslMode: nextSslMode(draft.sslMode, step) };
  if (field !== 'engine') return null;
  const engine = nextEngine(draft.engine, step);
  const port =
    draft.port === String(engineInfo(draft.engine).defaultPort)
      ? String(engineInfo(engine).defaultPort)
      : draft.port;
  return { engine, port };
}

/** The error to show on a field now: DMS's on its field, else the check once touched. */
export function shownEndpointError(
  state: EndpointFormState,
  field: EndpointField,
): string | undefined {
  if (state.serverError?.field === field) return state.serverError.message;
  if (!state.showAllErrors && !state.touched.includes(field)) return undefined;
  return endpointDraftErrors(state.draft)[field];
}

/** Which field a CreateEndpoint refusal concerns (by DMS's error code and message), if any. */
export function fieldForEndpointError(code: string, message: string): EndpointField | undefined {
  if (code === 'ResourceAlreadyExistsFault' || /identifier/i.test(message)) return 'identifier';
  if (/engine/i.test(message)) return 'engine';
  return undefined;
}

/** A field's label ("Source engine" or "Target engine" by the endpoint's type). */
export function endpointFieldLabel(draft: EndpointDraft, field: EndpointField): string {
  if (field === 'engine') return `${draft.type === 'source' ? 'Source' : 'Target'} engine`;
  return ENDPOINT_FIELDS.find((f) => f.field === field)?.label ?? field;
}

/** A choice field's text ("‹ PostgreSQL › (postgres)"), or null for a text field. */
export function endpointChoiceText(draft: EndpointDraft, field: EndpointField): string | null {
  switch (field) {
    case 'engine': {
      const info = engineInfo(draft.engine);
      return `‹ ${info.label} › (${info.dmsEngineName})`;
    }
    case 'sslMode':
      return `‹ ${draft.sslMode} ›`;
    default:
      return null;
  }
}
