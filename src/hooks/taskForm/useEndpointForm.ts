// The endpoint form's state and commands ("Create new…" in the task form, and Modify on
// `:endpoints`): moving between fields, cycling the engine and SSL mode, the preview, and
// Ctrl-s (CreateEndpoint or ModifyEndpoint, once; a refusal lands on the field it concerns, or
// under the form).
import { useReducer, useState } from 'react';
import { useServices } from '../../ui/services.js';
import { createEndpoint, modifyEndpoint } from '../../aws/endpoints.js';
import {
  createEndpointInput,
  type EndpointDraft,
  modifyEndpointInput,
} from '../../model/endpointDraft.js';
import {
  type EndpointFormState,
  endpointFormReducer,
  fieldForEndpointError,
  firstEndpointError,
  initialEndpointForm,
  isEndpointChoiceField,
} from '../../model/endpointFormState.js';

import { awsFailure } from './awsFailure.js';
import type { Endpoint } from '../../model/endpoint.js';

export interface EndpointForm {
  state: EndpointFormState;
  /** The focused field is a choice (engine, SSL mode): ←/→/Space cycle it, nothing is typed. */
  onChoice: boolean;
  busy: boolean;
  previewing: boolean;
  edit(patch: Partial<EndpointDraft>): void;
  next(): void;
  previous(): void;
  choiceNext(): void;
  choicePrevious(): void;
  preview(): void;
  closePreview(): void;
  create(): void;
}

export function useEndpointForm({
  initial,
  instanceReason,
  onCreated,
  modifying,
}: {
  initial: EndpointDraft;
  /** Why the endpoint cannot be created and tested yet (no usable instance), or null. */
  instanceReason: string | null;
  onCreated(endpoint: Endpoint): void;
  /** The endpoint being changed: Ctrl-s sends ModifyEndpoint instead of CreateEndpoint. */
  modifying?: Endpoint;
}): EndpointForm {
  const { clients } = useServices();
  const [state, dispatch] = useReducer(endpointFormReducer, initial, initialEndpointForm);
  const [busy, setBusy] = useState(false);
  const [previewing, setPreviewing] = useState(false);

  const create = () => {
    dispatch({ type: 'attempt' });
    if (firstEndpointError(state.draft)) return;
    if (instanceReason) {
      dispatch({ type: 'serverError', message: instanceReason });
      return;
    }
    setBusy(true);
    const sent = modifying
      ? modifyEndpoint(clients, modifying.arn, modifyEndpointInput(state.draft))
      : createEndpoint(clients, createEndpointInput(state.draft));
    sent.then(
      (endpoint) => {
        setBusy(false);
        onCreated(endpoint);
      },
      (error) => {
        setBusy(false);
        const { message, code } = awsFailure(error);
        dispatch({ type: 'serverError', field: fieldForEndpointError(code, message), message });
      },
    );
  };

  return {
    state,
    onChoice: isEndpointChoiceField(state.focus),
    busy,
    previewing,
    edit: (patch) => dispatch({ type: 'edit', patch }),
    next: () => dispatch({ type: 'move', step: 1 }),
    previous: () => dispatch({ type: 'move', step: -1 }),
    choiceNext: () => dispatch({ type: 'cycle', step: 1 }),
    choicePrevious: () => dispatch({ type: 'cycle', step: -1 }),
    preview: () => setPreviewing(true),
    closePreview: () => setPreviewing(false),
    create,
  };
}
