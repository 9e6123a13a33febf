import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { ApplyWorkflow } from '../../../../lib/constructs/apply-workflow.js';
import { HANDLERS } from '../../../../lib/handlers.js';
import { definitionFromTemplate } from '../../../../lib/state-machine-definition.js';
import type { ApplyStepHandlers } from '../../../../lambdas/actions/apply-steps/handlers.js';

/** Which step handler each apply-workflow Lambda (by logical id) runs. */
export const STEP_BY_LOGICAL_ID: Record<string, keyof ApplyStepHandlers> = {
  [HANDLERS.precheck.logicalId]: 'precheck',
  [HANDLERS['rollback-point'].logicalId]: 'rollbackPoint',
  [HANDLERS.apply.logicalId]: 'apply',
  [HANDLERS.validate.logicalId]: 'validate',
  [HANDLERS.rollback.logicalId]: 'rollback',
  [HANDLERS['notify-outcome'].logicalId]: 'notifyOutcome',
};

/** The apply state machine definition exactly as the stack synthesises it (lib/constructs/apply-workflow.ts). */
export function synthesiseApplyDefinition(bakePeriod = Duration.hours(2)): Record<string, unknown> {
  const stack = new Stack(new App(), 'ApplyTest');
  const fn = (role: keyof typeof HANDLERS) => {
    const f = new lambda.Function(stack, HANDLERS[role].logicalId, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
    (f.node.defaultChild as lambda.CfnFunction).overrideLogicalId(HANDLERS[role].logicalId);
    return f;
  };
  new ApplyWorkflow(stack, 'Apply', {
    functions: {
      precheck: fn('precheck'),
      rollbackPoint: fn('rollback-point'),
      apply: fn('apply'),
      validate: fn('validate'),
      rollback: fn('rollback'),
      notifyOutcome: fn('notify-outcome'),
    },
    bakePeriod,
    logRetention: logs.RetentionDays.ONE_WEEK,
  });
  return definitionFromTemplate(Template.fromStack(stack).toJSON(), 'ApplyStateMachine');
}
