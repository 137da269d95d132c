import { describe, expect, it } from 'vitest';
import {
  createEndpointInput,
  endpointDraftErrors,
  endpointDraftFromConnection,
  endpointPreviewLines,
} from '../../src/model/endpointDraft.js';
import { mappingsError } from '../../src/model/selectionMappings.js';
import {
  defaultInstance,
  initialFormState,
  initialValues,
  matchingEndpoint,
  taskFormReducer,
  visibleFields,
} from '../../src/model/taskFormState.js';
import {
  fieldError,
  fieldForServerError,
  shownErrors,
  taskInputFromForm,
} from '../../src/model/taskFormValidation.js';

const values = () => ({
  ...initialValues({
    name: 'sales',
    mappings: [{ action: 'include' as const, schema: 'sales', table: '%' }],
  }),
  instanceArn: 'arn:rep:1',
  sourceArn: 'arn:endpoint:src',
  targetArn: 'arn:endpoint:tgt',
});

describe('task form reducer', () => {
  it('an edit marks the form changed and the field touched; a preset does not', () => {
    let s = initialFormState(values());
    s = taskFormReducer(s, { type: 'preset', patch: { name: 'suggested' } });
    expect(s.dirty).toBe(false);
    expect(s.values.name).toBe('suggested');
    s = taskFormReducer(s, { type: 'edit', patch: { name: 'a--b' } });
    expect(s.dirty).toBe(true);
    expect(shownErrors(s).name).toMatch(/two hyphens/);
    s = taskFormReducer(s, { type: 'preset', patch: { name: 'other' } });
    expect(s.values.name).toBe('a--b');
  });

  it('moves through the fields in SCT order, skipping the LOB size when LOBs are off', () => {
    let s = initialFormState(values());
    expect(visibleFields(s.values)).toContain('lobSize');
    s = taskFormReducer(s, { type: 'edit', patch: { lobMode: 'none' } });
    expect(visibleFields(s.values)).not.toContain('lobSize');
    s = taskFormReducer(s, { type: 'focus', field: 'lobMode' });
    s = taskFormReducer(s, { type: 'move', step: 1 });
    expect(s.focus).toBe('logging');
    s = taskFormReducer(s, { type: 'move', step: -1 });
    expect(s.focus).toBe('lobMode');
    s = taskFormReducer(s, { type: 'focus', field: 'name' });
    s = taskFormReducer(s, { type: 'move', step: -1 });
    // Data validation is last; its settings show only while it is on.
    expect(s.focus).toBe('validation');
  });

  it('a server error sits on its field until the field is edited', () => {
    let s = initialFormState(values());
    s = taskFormReducer(s, { type: 'serverError', field: 'name', message: 'Task already exists' });
    expect(s.focus).toBe('name');
    expect(shownErrors(s).name).toBe('Task already exists');
    s = taskFormReducer(s, { type: 'edit', patch: { name: 'sales-2' } });
    expect(shownErrors(s).name).toBeUndefined();
  });
});

describe('inline validation', () => {
  const instances = [
    { identifier: 'busy', arn: 'arn:rep:1', instanceClass: 'dms.t3.micro', status: 'modifying' },
    { identifier: 'ok', arn: 'arn:rep:2', instanceClass: 'dms.t3.micro', status: 'available' },
  ];
  const endpoints = [
    {
      identifier: 'src',
      arn: 'arn:endpoint:src',
      type: 'source' as const,
      engineName: 'postgres',
      server: 'db',
      port: 5432,
      database: 'test',
    },
    {
      identifier: 'tgt',
      arn: 'arn:endpoint:tgt',
      type: 'target' as const,
      engineName: 'mysql',
      server: 'db2',
      port: 3306,
    },
  ];

  it('refuses an unavailable instance and a missing one', () => {
    expect(fieldError(values(), 'instance', { instances })).toMatch(/busy is modifying/);
    expect(
      fieldError({ ...values(), instanceArn: 'arn:rep:2' }, 'instance', { instances }),
    ).toBeNull();
    expect(fieldError({ ...values(), instanceArn: null }, 'instance')).toMatch(/Choose/);
  });

  it('refuses choices that no longer exist (a restored draft)', () => {
    expect(
      fieldError({ ...values(), instanceArn: 'arn:rep:gone' }, 'instance', { instances }),
    ).toMatch(/no longer exists/);
    expect(
      fieldError({ ...values(), targetArn: 'arn:endpoint:gone' }, 'target', { endpoints }),
    ).toMatch(/target endpoint no longer exists/);
    expect(fieldError({ ...values(), targetArn: 'arn:endpoint:gone' }, 'target')).toBeNull();
  });

  it('refuses a missing endpoint and one of the wrong type', () => {
    expect(fieldError({ ...values(), sourceArn: null }, 'source')).toMatch(/source endpoint/);
    expect(
      fieldError({ ...values(), sourceArn: 'arn:endpoint:tgt' }, 'source', { endpoints }),
    ).toMatch(/tgt is a target endpoint/);
  });

  it('checks the LOB size of the chosen mode only', () => {
    expect(fieldError({ ...values(), lobMode: 'full', lobChunkKb: '0' }, 'lobSize')).toMatch(
      /LOB chunk size/,
    );
    expect(fieldError({ ...values(), lobMode: 'limited', lobChunkKb: '0' }, 'lobSize')).toBeNull();
    expect(fieldError({ ...values(), lobMode: 'none', lobMaxKb: 'x' }, 'lobSize')).toBeNull();
  });

  it('checks mapping rules', () => {
    expect(mappingsError([])).toMatch(/at least one rule/);
    expect(mappingsError([{ action: 'exclude', schema: 's', table: '%' }])).toMatch(/include/);
    expect(mappingsError([{ action: 'include', schema: '', table: '%' }])).toMatch(
      /Rule 1: Schema/,
    );
    expect(mappingsError([{ action: 'include', schema: 'a;drop', table: '%' }])).toMatch(/Rule 1/);
  });

  it('builds no input while a field is in error, and names the first one', () => {
    const result = taskInputFromForm({ ...values(), name: 'a-', lobMaxKb: '0' });
    expect(result).toMatchObject({ ok: false, field: 'name' });
    expect(taskInputFromForm(values()).ok).toBe(true);
  });

  it('picks the project default instance, else the first available', () => {
    expect(defaultInstance(instances, 'BUSY')?.identifier).toBe('busy');
    expect(defaultInstance(instances, undefined)?.identifier).toBe('ok');
  });

  it('preselects the endpoint matching the project connection', () => {
    expect(
      matchingEndpoint(endpoints, 'source', {
        dmsEngineName: 'postgres',
        host: 'DB',
        port: 5432,
        database: 'test',
      })?.identifier,
    ).toBe('src');
    expect(
      matchingEndpoint(endpoints, 'source', {
        dmsEngineName: 'postgres',
        host: 'db',
        port: 5432,
        database: 'other',
      }),
    ).toBeUndefined();
  });
});

describe('server errors', () => {
  it.each([
    [
      {
        name: 'ResourceAlreadyExistsFault',
        message: 'Task with the same identifier already exists',
      },
      'name',
    ],
    [
      { name: 'InvalidParameterValueException', message: 'Invalid Table Mappings document' },
      'mappings',
    ],
    [
      { name: 'InvalidResourceStateFault', message: 'Replication instance is not available' },
      'instance',
    ],
    [{ name: 'ResourceNotFoundFault', message: 'Endpoint arn:endpoint:tgt not found' }, 'target'],
    [{ name: 'AccessDeniedFault', message: 'nope' }, null],
  ])('%o → %s', (error, field) => {
    expect(fieldForServerError(values(), error)).toBe(field);
  });
});

describe('endpoint draft', () => {
  const connection = {
    engine: 'aurora-mysql' as const,
    host: 'db.example.com',
    port: 3306,
    database: 'shop',
    user: 'admin',
    password: 's3cret!',
    sslMode: 'require' as const,
  };

  it('is prefilled from the connection with DMS engine name and a free identifier', () => {
    const draft = endpointDraftFromConnection({
      type: 'source',
      connection,
      projectName: 'Shop Move',
      takenIdentifiers: ['shop-move-source'],
    });
    expect(draft.identifier).toBe('shop-move-source-2');
    expect(createEndpointInput(draft)).toEqual({
      EndpointIdentifier: 'shop-move-source-2',
      EndpointType: 'source',
      EngineName: 'aurora',
      Username: 'admin',
      Password: 's3cret!',
      ServerName: 'db.example.com',
      Port: 3306,
      DatabaseName: 'shop',
      SslMode: 'require',
    });
  });

  it('its preview never shows the password', () => {
    const draft = endpointDraftFromConnection({ type: 'target', connection, takenIdentifiers: [] });
    const preview = endpointPreviewLines(draft).join('\n');
    expect(preview).not.toContain('s3cret!');
    expect(preview).toContain('"Password": "********"');
  });

  it('validates identifier, server, port and user', () => {
    const draft = endpointDraftFromConnection({
      type: 'target',
      connection: null,
      takenIdentifiers: [],
    });
    const errors = endpointDraftErrors({ ...draft, identifier: 'x--y', port: '70000' });
    expect(errors.identifier).toMatch(/two hyphens/);
    expect(errors.server).toMatch(/required/);
    expect(errors.port).toMatch(/between 1 and 65535/);
    expect(errors.user).toMatch(/required/);
    expect(errors.database).toMatch(/PostgreSQL/);
  });
});
