/**
 * The Lambda handler registry: one entry per workflow role. The stack builds one function per role from it,
 * and the local runner imports it to route a state machine Task back to the handler file.
 *
 * Logical ids are fixed (the stack overrides the CloudFormation logical id of each function to `logicalId`),
 * so `Fn::GetAtt [<logicalId>, Arn]` in a synthesised definition names the role exactly.
 * This module is plain data: no CDK imports, so the local runner can load it cheaply.
 */

export type HandlerGroup = 'collector' | 'workflow' | 'notify' | 'interactions' | 'apply';

export interface HandlerSpec {
  /** Handler file relative to the repository root; it exports `handler`. */
  readonly entry: string;
  /** The function's CloudFormation logical id in the synthesised template. */
  readonly logicalId: string;
  readonly group: HandlerGroup;
  readonly description: string;
}

export const HANDLERS = {
  'collect-cloudwatch': {
    entry: 'lambdas/collectors/cloudwatch/handler.ts',
    logicalId: 'CollectCloudWatchFunction',
    group: 'collector',
    description: 'Collects CloudWatch metric series for the inventory',
  },
  'collect-cost-explorer': {
    entry: 'lambdas/collectors/cost-explorer/handler.ts',
    logicalId: 'CollectCostExplorerFunction',
    group: 'collector',
    description: 'Collects daily costs and the Cost Explorer forecast',
  },
  'collect-compute-optimizer': {
    entry: 'lambdas/collectors/compute-optimizer/handler.ts',
    logicalId: 'CollectComputeOptimizerFunction',
    group: 'collector',
    description: 'Collects Compute Optimizer recommendations',
  },
  'collect-inventory': {
    entry: 'lambdas/collectors/inventory/handler.ts',
    logicalId: 'CollectInventoryFunction',
    group: 'collector',
    description: 'Collects the resource inventory and configuration',
  },
  'collect-pricing': {
    entry: 'lambdas/collectors/pricing/handler.ts',
    logicalId: 'CollectPricingFunction',
    group: 'collector',
    description: 'Collects on-demand list prices of the configured regions (Price List API)',
  },
  plan: {
    entry: 'lambdas/workflow/plan/handler.ts',
    logicalId: 'PlanFunction',
    group: 'workflow',
    description: 'Splits the inventory into batches for one analysis run',
  },
  'analyse-batch': {
    entry: 'lambdas/workflow/analyse-batch/handler.ts',
    logicalId: 'AnalyseBatchFunction',
    group: 'workflow',
    description: 'Runs the analytics engine on one batch of resources',
  },
  forecast: {
    entry: 'lambdas/workflow/forecast/handler.ts',
    logicalId: 'ForecastFunction',
    group: 'workflow',
    description: 'Forecasts cost and capacity for one analysis run',
  },
  prioritise: {
    entry: 'lambdas/workflow/prioritise/handler.ts',
    logicalId: 'PrioritiseFunction',
    group: 'workflow',
    description: 'Ranks and de-duplicates the findings of one analysis run',
  },
  'persist-run': {
    entry: 'lambdas/workflow/persist-run/handler.ts',
    logicalId: 'PersistRunFunction',
    group: 'workflow',
    description: 'Records the summary of one analysis run',
  },
  'notify-slack': {
    entry: 'lambdas/notify/slack/handler.ts',
    logicalId: 'NotifySlackFunction',
    group: 'notify',
    description: 'Posts the run digest to Slack',
  },
  'notify-email': {
    entry: 'lambdas/notify/email/handler.ts',
    logicalId: 'NotifyEmailFunction',
    group: 'notify',
    description: 'Sends the run digest by email (SES v2)',
  },
  interactions: {
    entry: 'lambdas/actions/interactions/handler.ts',
    logicalId: 'InteractionsFunction',
    group: 'interactions',
    description: 'Slack interactions endpoint: verifies, authorises, records and starts the apply workflow',
  },
  precheck: {
    entry: 'lambdas/actions/precheck/handler.ts',
    logicalId: 'PrecheckFunction',
    group: 'apply',
    description: 'Checks the resource still matches the action before changing it',
  },
  'rollback-point': {
    entry: 'lambdas/actions/rollback-point/handler.ts',
    logicalId: 'RollbackPointFunction',
    group: 'apply',
    description: 'Records the configuration to roll back to',
  },
  apply: {
    entry: 'lambdas/actions/apply/handler.ts',
    logicalId: 'ApplyFunction',
    group: 'apply',
    description: 'Applies the approved change',
  },
  validate: {
    entry: 'lambdas/actions/validate/handler.ts',
    logicalId: 'ValidateFunction',
    group: 'apply',
    description: 'Compares post-change metrics with the pre-change baseline',
  },
  rollback: {
    entry: 'lambdas/actions/rollback/handler.ts',
    logicalId: 'RollbackFunction',
    group: 'apply',
    description: 'Restores the rollback point',
  },
  'notify-outcome': {
    entry: 'lambdas/actions/notify-outcome/handler.ts',
    logicalId: 'NotifyOutcomeFunction',
    group: 'apply',
    description: 'Records the outcome and updates the Slack thread',
  },
  'apply-watchdog': {
    entry: 'lambdas/actions/apply-watchdog/handler.ts',
    logicalId: 'ApplyWatchdogFunction',
    group: 'apply',
    description: 'Returns the approval of a timed-out or aborted apply execution to failed, so it can be retried',
  },
} as const satisfies Record<string, HandlerSpec>;

export type HandlerRole = keyof typeof HANDLERS;

export const HANDLER_ROLES = Object.keys(HANDLERS) as HandlerRole[];

/** The role whose function has this logical id (exact match), or undefined. */
export function roleForLogicalId(logicalId: string): HandlerRole | undefined {
  return HANDLER_ROLES.find((role) => HANDLERS[role].logicalId === logicalId);
}

/**
 * The role behind a Lambda function ARN or name as it appears in a resolved definition. The local runner
 * resolves `Fn::GetAtt [<logicalId>, Arn]` to an ARN whose function name is the logical id; a qualified
 * ARN (`...:function:Name:alias`) works too.
 */
export function roleForFunctionArn(arnOrName: string): HandlerRole | undefined {
  const match = /(?:^|:function:)([A-Za-z0-9_-]+)(?::[^:]+)?$/.exec(arnOrName);
  return match ? roleForLogicalId(match[1]) : undefined;
}

/** Fixed CloudFormation logical ids of the two state machines, for extracting their definitions. */
export const STATE_MACHINE_LOGICAL_IDS = {
  analysis: 'AnalysisStateMachine',
  apply: 'ApplyStateMachine',
} as const;
