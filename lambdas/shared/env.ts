import type { z } from 'zod';

/** Reads a required environment variable, failing at cold start with a message that names it. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`environment variable ${name} is not set; the stack sets it on every function that needs it`);
  }
  return value;
}

/**
 * Validates a function's environment with its zod schema, at cold start. Empty values count as unset (the stack
 * writes '' for optional settings left out). The first bad variable is named in one sentence, e.g. "environment
 * variable SLACK_CHANNEL must be set" or "… LOOKBACK_DAYS is invalid: Too big: expected number to be <=400", wrapped by
 * `toError` so each function family keeps its own error type.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
  toError: (message: string) => Error,
): z.output<S> {
  const result = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue?.path.join('.') || '(environment)';
  const missing = issue?.code === 'invalid_type' && issue.input === undefined;
  const message = issue?.message ?? 'unknown problem';
  // Schema messages written as predicates ("must be an http(s) URL") complete the sentence; zod's own are quoted.
  const predicate = missing ? 'must be set' : message.startsWith('must ') ? message : `is invalid: ${message}`;
  throw toError(`environment variable ${name} ${predicate}`);
}
