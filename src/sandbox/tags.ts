// Resource tags, as DMS keeps them on replication instances, endpoints and tasks:
// AddTagsToResource, RemoveTagsFromResource, ListTagsForResource (one ARN, or a list), and the
// `Tags` of CreateEndpoint / CreateReplicationTask. A tag lives on its resource's record, so it
// goes when the resource goes. Rules (docs/dms-api.md §2, "Tags"): keys 1–128 characters,
// values up to 256, letters, digits, spaces and _ . : / = + - only, no `aws:` or `dms:` prefix,
// at most 50 tags per resource (our bound); adding an existing key replaces its value.
import type { Call, Handler, Input } from './context.js';
import { invalidValue, notFound } from './protocol/errors.js';
import type { Tag } from './state.js';

const MAX_TAGS = 50;

interface Tagged {
  arn: string;
  tags?: Tag[];
}

function findResource(call: Call, arn: unknown): Tagged {
  const { state } = call.sandbox.store;
  const all: Tagged[] = [...state.instances, ...state.endpoints, ...state.tasks];
  const found = all.find((r) => r.arn === arn);
  if (!found) throw notFound(`Resource ${String(arn)} not found`);
  return found;
}

/** The characters DMS allows in tag keys and values (letters, digits, spaces, _ . : / = + -). */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+-]*$/u;
const RESERVED = /^(aws|dms):/i;

/** Tags as the request gave them, checked; a later duplicate key wins, as with DMS. */
export function readTags(input: unknown): Tag[] {
  if (input === undefined) return [];
  const byKey = new Map<string, string>();
  for (const t of input as { Key?: string; Value?: string }[]) {
    const key = t.Key ?? '';
    const value = t.Value ?? '';
    if (key.length < 1 || key.length > 128)
      throw invalidValue('A tag key must be 1 to 128 characters long.');
    if (value.length > 256) throw invalidValue('A tag value can be at most 256 characters long.');
    if (RESERVED.test(key) || RESERVED.test(value))
      throw invalidValue('Tag keys and values cannot start with "aws:" or "dms:".');
    if (!TAG_TEXT.test(key) || !TAG_TEXT.test(value))
      throw invalidValue(
        'Tag keys and values hold only letters, digits, spaces and the characters _ . : / = + -',
      );
    byKey.set(key, value);
  }
  return [...byKey].map(([Key, Value]) => ({ Key, Value }));
}

/** Adds tags to a resource's own (replacing the values of keys it has). */
export function addTags(resource: Tagged, tags: readonly Tag[]): void {
  const merged = new Map((resource.tags ?? []).map((t) => [t.Key, t.Value]));
  for (const t of tags) merged.set(t.Key, t.Value);
  if (merged.size > MAX_TAGS)
    throw invalidValue(
      `A resource can have at most ${MAX_TAGS} tags; this would make ${merged.size}.`,
    );
  resource.tags = [...merged].map(([Key, Value]) => ({ Key, Value }));
}

const addTagsToResource: Handler = (call, input: Input) => {
  const resource = findResource(call, input.ResourceArn);
  addTags(resource, readTags(input.Tags));
  call.sandbox.store.changed();
  return {};
};

const removeTagsFromResource: Handler = (call, input: Input) => {
  const resource = findResource(call, input.ResourceArn);
  const gone = new Set(input.TagKeys as string[]);
  resource.tags = (resource.tags ?? []).filter((t) => !gone.has(t.Key));
  call.sandbox.store.changed();
  return {};
};

const listTagsForResource: Handler = (call, input: Input) => {
  const arns: unknown[] = [
    ...(input.ResourceArn === undefined ? [] : [input.ResourceArn]),
    ...((input.ResourceArnList as unknown[] | undefined) ?? []),
  ];
  if (arns.length === 0) throw invalidValue('Either ResourceArn or ResourceArnList must be given.');
  const TagList = arns.flatMap((arn) =>
    (findResource(call, arn).tags ?? []).map((t) => ({ ...t, ResourceArn: arn })),
  );
  return { TagList };
};

export const tagHandlers: Record<string, Handler> = {
  AddTagsToResource: addTagsToResource,
  RemoveTagsFromResource: removeTagsFromResource,
  ListTagsForResource: listTagsForResource,
};
