import { z } from 'zod';
import { NotifyEventError } from './errors.js';

/** What the analysis state machine passes to NotifySlack and NotifyEmail (contracts: Parameters {runId.$}). */
export const NotifyEventSchema = z.object({ runId: z.string().min(1, 'runId must not be empty') });
export type NotifyEvent = z.infer<typeof NotifyEventSchema>;

/** Parses the event, failing with a sentence that names the offending field. */
export function parseNotifyEvent(event: unknown): NotifyEvent {
  const result = NotifyEventSchema.safeParse(event);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join('.') : 'event';
    throw new NotifyEventError(`notify event field ${field} is invalid: ${issue.message}`);
  }
  return result.data;
}
