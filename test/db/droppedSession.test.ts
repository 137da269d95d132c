// A session the server ends (pg_terminate_backend, KILL): the queries after it say why the
// server ended it, not only that the client can no longer be used.
import { describe, expect, it } from 'vitest';
import { openConnection } from '../../src/db/connection.js';
import { serverAvailable } from '../support/servers.js';
import { waitFor } from '../support/wait.js';

const pg = await serverAvailable('postgres');
const my = await serverAvailable('mysql');

/** Ends a session from another one, then queries it until a query after the first failure
 *  says `reason`; returns every failure seen. */
async function endedByTheServer(
  spec: typeof pg.spec,
  end: (id: number) => string,
  reason: RegExp,
): Promise<string[]> {
  const victim = await openConnection(spec);
  const admin = await openConnection(spec);
  try {
    const idQuery =
      victim.family === 'postgres'
        ? 'SELECT pg_backend_pid() AS id'
        : 'SELECT CONNECTION_ID() AS id';
    const id = Number((await victim.query<{ id: number }>(idQuery)).rows[0]?.id);
    await admin.query(end(id));
    const errors: string[] = [];
    await waitFor(
      async () => {
        const failed = await victim.query('SELECT 1').then(
          () => 'the query worked',
          (error: Error) => error.message,
        );
        errors.push(failed);
        expect(errors.length).toBeGreaterThanOrEqual(2);
        expect(errors.at(-1)).toMatch(reason);
      },
      { what: `a query saying ${reason}` },
    );
    return errors;
  } finally {
    await victim.close();
    await admin.close();
  }
}

describe.skipIf(!pg.ok)(`a dropped PostgreSQL session (${pg.reason})`, () => {
  it('says "terminating connection due to administrator command" on every query', async () => {
    const reason = /terminating connection due to administrator command/;
    const errors = await endedByTheServer(
      pg.spec,
      (pid) => `SELECT pg_terminate_backend(${pid})`,
      reason,
    );
    for (const e of errors) expect(e).toMatch(reason);
  });
});

describe.skipIf(!my.ok)(`a dropped MySQL/MariaDB session (${my.reason})`, () => {
  it('says the connection was lost, not that the client is in a closed state', async () => {
    // Idle, the driver hears "Connection lost: The server closed the connection."; a query
    // racing the close fails writing to the socket instead. Either is what happened.
    const errors = await endedByTheServer(
      my.spec,
      (id) => `KILL ${id}`,
      /Connection lost: The server closed the connection|socket has been ended by the other party/,
    );
    for (const e of errors) expect(e).not.toMatch(/closed state/);
  });
});
