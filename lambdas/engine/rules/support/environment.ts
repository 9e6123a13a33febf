/** Tag keys that name a resource's environment, in the order they are read. */
const ENVIRONMENT_TAG_KEYS = ['env', 'environment', 'Environment', 'Env', 'stage', 'Stage'];

/** Environment tag values that mean "not production" (compared lower-case). */
const NON_PRODUCTION = new Set(['dev', 'development', 'test', 'testing', 'qa', 'staging', 'stage', 'sandbox', 'demo', 'preview']);

/** The resource's environment tag value (first of ENVIRONMENT_TAG_KEYS present), or undefined when untagged. */
export function environmentTag(tags: Readonly<Record<string, string>>): string | undefined {
  for (const key of ENVIRONMENT_TAG_KEYS) if (tags[key] !== undefined) return tags[key];
  return undefined;
}

/** Whether the tags say non-production. Untagged resources are never assumed to be non-production. */
export function isNonProduction(tags: Readonly<Record<string, string>>): boolean {
  const env = environmentTag(tags);
  return env !== undefined && NON_PRODUCTION.has(env.trim().toLowerCase());
}
