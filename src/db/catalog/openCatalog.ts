// Opens a catalog reader for a connection: PostgreSQL (and PGlite) or MySQL/MariaDB, picked by
// what the server turns out to be.
import type { ConnectionSpec } from '../../model/connection.js';
import { ConnectionError, openConnection } from '../connection.js';
import type { CatalogReader } from './reader.js';
import { oneLine } from './reader.js';

export async function openCatalog(
  spec: ConnectionSpec,
  options: { timeoutMs?: number } = {},
): Promise<CatalogReader> {
  const connection = await openConnection(spec, {
    timeoutMs: options.timeoutMs,
    applicationName: 'dms-tui catalog',
  });
  try {
    if (connection.family === 'postgres') {
      const { postgresCatalog } = await import('./postgres.js');
      return await postgresCatalog(connection, spec);
    }
    const { mysqlCatalog } = await import('./mysql.js');
    return await mysqlCatalog(connection, spec);
  } catch (error) {
    await connection.close();
    throw error instanceof ConnectionError ? error : new ConnectionError(oneLine(error));
  }
}
