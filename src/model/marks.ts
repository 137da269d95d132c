// Marks on a list (tasks, tables, schema-browser objects): a set of row keys. Pure.

/** The marks with `key` marked if it was not, unmarked if it was. */
export function toggleMark(marks: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(marks);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
