import { createHash } from 'node:crypto';

/**
 * Step Functions execution name for applying an action: deterministic from the action id, so a
 * repeated StartExecution (double click, Slack retry, our own retry) is deduplicated by AWS too —
 * StartExecution with the same name and input as a running execution returns that execution.
 * Names allow 1–80 characters from [A-Za-z0-9-_]; the id is sanitised and suffixed with 16 hex
 * characters of its SHA-256 so two ids that sanitise alike still get different names.
 */
export function applyExecutionName(actionId: string): string {
  const digest = createHash('sha256').update(actionId, 'utf8').digest('hex').slice(0, 16);
  const readable = actionId.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 80 - 'apply--'.length - digest.length);
  return `apply-${readable}-${digest}`;
}
