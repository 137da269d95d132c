// The "Create new…" endpoint sub-form's reducer, shown errors and words.
import { describe, expect, it } from 'vitest';
import type { EndpointDraft, EndpointField } from '../../src/model/endpointDraft.js';
import {
  endpointChoiceText,
  endpointFieldLabel,
  endpointFormReducer,
  type EndpointFormState,
  fieldForEndpointError,
  firstEndpointError,
  initialEndpointForm,
  isEndpointChoiceField,
  shownEndpointError,
} from '../../src/model/endpointFormState.js';

const draft = (patch: Partial<EndpointDraft> = {}): EndpointDraft => ({
  identifier: 'shop-source',
  type: 'source',
  engine: 'postgres',
  server: 'db.example',
  port: '5432',
  database: 'shop',
  user: 'app',
  password: 'secret',
  sslMode: 'none',
  ...patch,
});

const at = (focus: EndpointField, patch: Partial<EndpointDraft> = {}): EndpointFormState => ({
  ...initialEndpointForm(draft(patch)),
  focus,
});

describe('moving between fields', () => {
  it.each([
    ['identifier', 1, 'engine'],
    ['sslMode', 1, 'identifier'],
    ['identifier', -1, 'sslMode'],
    ['port', -1, 'server'],
  ] as const)('from %s by %i to %s, touching the field left', (from, step, to) => {
    const s = endpointFormReducer(at(from), { type: 'move', step });
    expect(s.focus).toBe(to);
    expect(s.touched).toEqual([from]);
  });
});

describe('cycling a choice', () => {
  it.each([
    ['engine', {}, 1, { engine: 'mysql', port: '3306' }],
    ['engine', { port: '6543' }, 1, { engine: 'mysql', port: '6543' }],
    ['engine', { engine: 'mysql', port: '3306' }, -1, { engine: 'postgres', port: '5432' }],
    ['engine', { engine: 'mysql', port: '3306' }, 1, { engine: 'mariadb', port: '3306' }],
    ['sslMode', {}, 1, { sslMode: 'require' }],
    ['sslMode', {}, -1, { sslMode: 'verify-full' }],
  ] as const)('%s from %j by %i', (field, from, step, expected) => {
    const s = endpointFormReducer(at(field, from), { type: 'cycle', step });
    expect(s.draft).toEqual(draft({ ...from, ...expected }));
  });

  it('leaves a text field alone', () => {
    const s = at('server');
    expect(endpointFormReducer(s, { type: 'cycle', step: 1 })).toBe(s);
  });

  it.each([
    ['engine', true],
    ['sslMode', true],
    ['identifier', false],
    ['password', false],
  ] as const)('%s is a choice: %s', (field, choice) => {
    expect(isEndpointChoiceField(field)).toBe(choice);
  });
});

describe('errors', () => {
  it('shows a check once the field is left, or everything after a Create attempt', () => {
    let s = at('identifier', { server: '', port: 'x' });
    expect(shownEndpointError(s, 'server')).toBeUndefined();
    s = endpointFormReducer(s, { type: 'attempt' });
    expect(s.focus).toBe('server');
    expect(firstEndpointError(s.draft)).toBe('server');
    expect(shownEndpointError(s, 'server')).toBe('Server name is required');
    expect(shownEndpointError(s, 'port')).toBe('Port must be a number');
  });

  it('an attempt on a clean draft keeps the focus', () => {
    const s = endpointFormReducer(at('user'), { type: 'attempt' });
    expect(s.focus).toBe('user');
    expect(s.showAllErrors).toBe(true);
  });

  it("puts DMS's refusal on its field until the draft changes", () => {
    let s = endpointFormReducer(at('port'), {
      type: 'serverError',
      field: 'identifier',
      message: 'Endpoint already exists (ResourceAlreadyExistsFault)',
    });
    expect(s.focus).toBe('identifier');
    expect(shownEndpointError(s, 'identifier')).toMatch(/already exists/);
    s = endpointFormReducer(s, { type: 'edit', patch: { identifier: 'shop-source-2' } });
    expect(s.serverError).toBeUndefined();
    expect(shownEndpointError(s, 'identifier')).toBeUndefined();
  });

  it('a refusal about no field stays under the form, focus unchanged', () => {
    const s = endpointFormReducer(at('port'), { type: 'serverError', message: 'no instance' });
    expect(s.focus).toBe('port');
    expect(s.serverError).toEqual({ field: undefined, message: 'no instance' });
  });

  it.each([
    ['ResourceAlreadyExistsFault', 'Endpoint shop already exists', 'identifier'],
    ['InvalidParameterValueException', 'Invalid endpoint identifier', 'identifier'],
    ['InvalidParameterValueException', 'Unsupported engine name', 'engine'],
    ['AccessDeniedFault', 'Access denied for dms:CreateEndpoint', undefined],
  ] as const)('%s "%s" concerns %s', (code, message, field) => {
    expect(fieldForEndpointError(code, message)).toBe(field);
  });
});

describe('words', () => {
  it.each([
    ['source', 'engine', 'Source engine'],
    ['target', 'engine', 'Target engine'],
    ['source', 'server', 'Server name'],
  ] as const)('a %s endpoint labels %s as %s', (type, field, label) => {
    expect(endpointFieldLabel(draft({ type }), field)).toBe(label);
  });

  it.each([
    ['engine', '‹ PostgreSQL › (postgres)'],
    ['sslMode', '‹ none ›'],
    ['server', null],
  ] as const)('%s reads %s', (field, text) => {
    expect(endpointChoiceText(draft(), field)).toBe(text);
  });
});
