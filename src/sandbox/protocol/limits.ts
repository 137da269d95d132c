// Limits the service enforces beyond the botocore model: the model leaves most strings without
// a maximum, but DMS refuses over-long values, and an unbounded string would let one request
// store megabytes in a field every Describe then returns (issue 10 items 5 and 13). A member
// whose shape has its own `max` keeps it; these apply only where the model says nothing.

/** JSON documents and attribute lists: generous, still far below the 16 MB body limit. */
const DOCUMENT_MEMBERS: Record<string, number> = {
  TableMappings: 1024 * 1024,
  ReplicationTaskSettings: 1024 * 1024,
  TaskData: 1024 * 1024,
  ExternalTableDefinition: 1024 * 1024,
  ExtraConnectionAttributes: 64 * 1024,
};

/** Members with a DMS-like limit of their own (host names, database names). */
const NAMED_MEMBERS: Record<string, number> = {
  ServerName: 255,
  DatabaseName: 128,
};

/** Any other string without a model maximum (ARNs are at most 2,048). */
export const DEFAULT_MAX_STRING = 4096;

/** The longest value the member `name` of a string shape without a `max` may hold. */
export function maxStringLength(name: string): number {
  return DOCUMENT_MEMBERS[name] ?? NAMED_MEMBERS[name] ?? DEFAULT_MAX_STRING;
}

/** Shapes whose values never appear in error messages. */
export const SECRET_SHAPES = new Set(['SecretString']);

/** Integers as the service deserializes them (Java int / long). */
export const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
