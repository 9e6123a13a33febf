import type { Action } from '../../../../lambdas/engine/types/action.js';
import { ebsAction } from '../../helpers.js';

/** An action for `executor` on the resource `arn`, shaped like the engine's rule output. */
export function actionFor(executor: string, arn: string, current: Record<string, unknown>, proposed: Record<string, unknown>, type: Action['resource']['type']): Action {
  const base = ebsAction();
  return {
    ...base,
    id: `act-${executor}`,
    ruleId: executor,
    resource: { ...base.resource, arn, type, name: arn.split(/[/:]/).at(-1) ?? arn },
    current,
    proposed,
    automation: { executor },
  };
}
