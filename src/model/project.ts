// A project, as SCT has it: a source and a target connection, the AWS profile and region it
// works with, and its default replication instance.
import type { ConnectionSpec } from './connection.js';

/** The two ends of a project and of a migration. */
export type Side = 'source' | 'target';

export interface Project {
  name: string;
  /** AWS profile name; "" = default credential chain; "sandbox" = the local sandbox. */
  profile: string;
  region?: string;
  source: ConnectionSpec | null;
  target: ConnectionSpec | null;
  /** Identifier of the replication instance the Create Task form picks first. */
  defaultReplicationInstance?: string;
}

/** What the schema browser hands to the Create DMS Task form. */
export interface BrowserSelection {
  /** Whole schemas (each becomes a `schema.%` selection rule). */
  schemas: string[];
  /** Single tables or views. */
  tables: { schema: string; table: string }[];
}
