import { createHash } from 'node:crypto';

/**
 * Step Functions execution name for applying one approval of an action: deterministic from the action id
 * and the decision's nonce, so a repeated StartExecution for the same decision (double click, a click on
 * another message showing the action, Slack retry, our own retry) is deduplicated by AWS too, while a later,
 * separate approval of the same action gets a new name (AWS keeps names unique per state machine for 90 days).
 * Names allow 1–80 characters from [A-Za-z0-9-_]; the id is sanitised and suffixed with 16 hex characters of
 * its SHA-256 so two ids that sanitise alike still get different names, then with the nonce when given.
 */
export function applyExecutionName(actionId: string, nonce?: string): string {
  const digest = createHash('sha256').update(actionId, 'utf8').digest('hex').slice(0, 16);
  const suffix = nonce === undefined ? '' : `-${nonce.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 20)}`;
  const readable = actionId.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 80 - 'apply--'.length - digest.length - suffix.length);
  return `apply-${readable}-${digest}${suffix}`;
}

/** The nonce of a decision: its decidedAt in epoch milliseconds (one decision per action exists at a time). */
export function decisionNonce(decidedAt: string): string {
  return String(Date.parse(decidedAt));
}
