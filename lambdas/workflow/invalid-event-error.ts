import type { z } from 'zod';

/** A workflow task received an event that does not match the analysis state machine's contract. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    readonly task: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    const first = issues[0];
    const field = first && first.path.length > 0 ? first.path.join('.') : '(event)';
    super(`${task} event is invalid: ${field}: ${first?.message ?? 'unknown problem'}`);
  }
}

/** Parses a Step Functions task event; failures name the task and the first offending field. */
export function parseEvent<S extends z.ZodType>(task: string, schema: S, event: unknown): z.output<S> {
  const parsed = schema.safeParse(event);
  if (!parsed.success) throw new InvalidEventError(task, parsed.error.issues);
  return parsed.data;
}
