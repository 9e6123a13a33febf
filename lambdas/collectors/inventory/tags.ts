/** Turns EC2-style `[{ Key, Value }]` tag lists into a plain record (tags without a key are dropped). */
export function tagRecord(tags: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) record[tag.Key] = tag.Value ?? '';
  return record;
}
