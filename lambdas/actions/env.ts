/** Comma-separated environment lists and the optional tag scope, parsed once per cold start. */

export class ConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigurationError';
  }
}

/** "a, b,,c" → ['a','b','c']; unset or empty → []. */
export function listEnv(name: string): string[] {
  return (process.env[name] ?? '').split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** TAG_SCOPE "key=value" (optional). */
export function tagScopeEnv(name = 'TAG_SCOPE'): { key: string; value: string } | undefined {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  const separator = raw.indexOf('=');
  if (separator <= 0) throw new ConfigurationError(`environment variable ${name} must be "key=value", got "${raw}"`);
  return { key: raw.slice(0, separator), value: raw.slice(separator + 1) };
}
