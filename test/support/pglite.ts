// An in-process PGlite database served over TCP (pglite-socket), so `pg` and our catalog
// readers connect to it like to any PostgreSQL server. One per test file: creating it costs
// about 3 s and 700 MB.
import type { ConnectionSpec } from '../../src/model/connection.js';

export interface PgliteServer {
  spec: ConnectionSpec;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function startPglite(): Promise<PgliteServer> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 8 });
  await server.start();
  const port = Number(server.getServerConn().split(':').at(-1));
  return {
    spec: {
      engine: 'postgres',
      host: '127.0.0.1',
      port,
      database: 'postgres',
      user: 'postgres',
      sslMode: 'none',
    },
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
