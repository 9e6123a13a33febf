import { describeAction } from '../../notify/format/describe-action.js';
import type { Action } from '../../engine/types/action.js';
import type { ApplyState } from './apply-state.js';

/** The thread reply for an apply outcome: one line of result, then the facts an on-call engineer needs. */
export function outcomeMessage(state: ApplyState, action: Action | undefined, approvedBy: string | undefined): string {
  const subject = action ? `${describeAction(action)} on ${action.resource.name || action.resource.arn}` : `action ${state.actionId}`;
  const lines: string[] = [];
  switch (state.outcome) {
    case 'applied':
      lines.push(`:white_check_mark: Applied ${subject}${approvedBy ? ` (approved by <@${approvedBy}>)` : ''}.`);
      break;
    case 'skipped':
      lines.push(`:next_track_button: Skipped ${subject}: ${state.precheck?.reason ?? 'precheck failed'}.`);
      break;
    case 'rolled-back':
      if (state.rollback?.status === 'refused') {
        lines.push(`:warning: ${subject} needs a human: the rollback was REFUSED — ${state.rollback.reason ?? 'no reason given'}.`);
      } else if (state.rollback?.status === 'not-needed') {
        // Apply failed before the change took effect: nothing was changed, so nothing was rolled back.
        lines.push(`:x: Could not apply ${subject}: the change did not take effect, so nothing needed rolling back (${state.rollback.reason ?? 'no reason given'}).`);
      } else {
        lines.push(`:leftwards_arrow_with_hook: Rolled back ${subject} (${state.rollback?.status ?? 'status unknown'}).`);
      }
      break;
    case 'failed':
      lines.push(`:x: Could not apply ${subject}: the workflow failed before changing anything.`);
      break;
    case 'rollback-failed':
      if (state.rollback?.status === 'refused') {
        lines.push(`:rotating_light: ${subject} needs a human: the rollback was REFUSED, so the change is still in place — ${state.rollback.reason ?? 'no reason given'}.`);
      } else {
        lines.push(`:rotating_light: ${subject} needs a human: the rollback itself failed, so the resource may still be changed.`);
      }
      break;
    default:
      lines.push(`Apply workflow for ${subject} ended without an outcome.`);
  }
  if (state.error) lines.push(`Apply error: ${state.error.Error}${state.error.Cause ? ` — ${state.error.Cause}` : ''}`);
  if (state.rollbackError) lines.push(`Rollback error: ${state.rollbackError.Error}${state.rollbackError.Cause ? ` — ${state.rollbackError.Cause}` : ''}`);
  if (state.apply && 'Error' in state.apply) lines.push(`Apply error: ${state.apply.Error}${state.apply.Cause ? ` — ${state.apply.Cause}` : ''}`);
  if (state.validation) {
    lines.push(`Validation (${state.validation.test}): ${state.validation.regressed ? 'regression detected' : 'no regression'}.`);
  }
  if (state.rollbackPoint) lines.push(`Before: \`${JSON.stringify(state.rollbackPoint.before)}\``);
  if (state.apply && 'after' in state.apply) lines.push(`After: \`${JSON.stringify(state.apply.after)}\``);
  return lines.join('\n');
}
