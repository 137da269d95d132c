// Which connection failures mean "the password is wrong or missing": the agent then waits for
// the source password instead of failing the task.
import { describe, expect, it } from 'vitest';
import { ConnectionError, isAuthFailure } from '../../src/db/connection.js';

describe('isAuthFailure', () => {
  it('PostgreSQL 28P01, MySQL access denied, and pg without a password for SCRAM', () => {
    expect(isAuthFailure(new ConnectionError('Authentication failed', '28P01'))).toBe(true);
    expect(
      isAuthFailure(new ConnectionError('Authentication failed', 'ER_ACCESS_DENIED_ERROR')),
    ).toBe(true);
    expect(
      isAuthFailure(
        new ConnectionError('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'),
      ),
    ).toBe(true);
  });

  it('anything else is not', () => {
    expect(isAuthFailure(new ConnectionError('Connection refused', 'ECONNREFUSED'))).toBe(false);
    expect(isAuthFailure(new ConnectionError('Database "x" does not exist', '3D000'))).toBe(false);
    expect(isAuthFailure(Object.assign(new Error('denied'), { code: '28P01' }))).toBe(false);
  });
});
