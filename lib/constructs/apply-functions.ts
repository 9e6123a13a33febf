import { Aws, Duration, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { DeployConfig } from '../config.js';
import { allExecutorWriteActions, executorStatements, readOnlyStatements, type ArnScope, type ChangeStep, type PermissionStatement } from '../executor-permissions.js';
import type { FunctionFactory } from './headroom-function.js';
import type { ApplyWorkflowProps } from './apply-workflow.js';

export interface ApplyFunctionsProps {
  make: FunctionFactory;
  table: dynamodb.ITableV2;
  slackSecret: secretsmanager.ISecret;
  config: DeployConfig;
  /** Slack settings NotifyOutcome needs to update the run's thread. */
  slackEnv: Record<string, string>;
}

/**
 * The apply workflow's task functions and their permissions. Resource permissions come only from the enabled
 * executors (none by default): rollback point, apply and rollback each get the executors' reads plus the writes
 * granted to that step (lib/executor-permissions.ts `steps`); precheck and validate get only the read actions;
 * validate also reads metrics.
 */
export class ApplyFunctions extends Construct {
  readonly functions: ApplyWorkflowProps['functions'];

  constructor(scope: Construct, id: string, props: ApplyFunctionsProps) {
    super(scope, id);
    const { make, config } = props;
    const env = {
      ENABLED_EXECUTORS: config.enabledExecutors.join(','),
      // Executors act in this account only; precheck skips actions on member-account resources.
      ACCOUNT_ID: Aws.ACCOUNT_ID,
      ...(config.tagScope === undefined ? {} : { TAG_SCOPE: config.tagScope }),
      // Read by lambdas/actions/executors/maintenance-window.ts maintenanceWindowEnv(); unset means never restart.
      ...(config.maintenanceWindow === undefined ? {} : { MAINTENANCE_WINDOW: JSON.stringify(config.maintenanceWindow) }),
    };
    const precheck = make('precheck', 512, Duration.minutes(1), env);
    const rollbackPoint = make('rollback-point', 512, Duration.minutes(5), env);
    const apply = make('apply', 512, Duration.minutes(10), env);
    const validate = make('validate', 1024, Duration.minutes(2), { ...env, LOOKBACK_DAYS: String(config.lookbackDays) });
    const rollback = make('rollback', 512, Duration.minutes(10), env);
    const notifyOutcome = make('notify-outcome', 512, Duration.minutes(1), { ...env, ...props.slackEnv });

    props.slackSecret.grantRead(notifyOutcome);

    const regions = config.regions.length > 0 ? config.regions : [Aws.REGION];
    const scopes: ArnScope[] = regions.map((region) => ({ partition: Aws.PARTITION, account: Aws.ACCOUNT_ID, region }));
    const statementsFor = (step?: ChangeStep) => executorStatements(config.enabledExecutors, scopes, config.tagScope, step);
    // Each changing step gets the writes its executors make in that step (RollbackPoint: reads only, today).
    addStatements(rollbackPoint, statementsFor('snapshot'));
    addStatements(apply, statementsFor('apply'));
    addStatements(rollback, statementsFor('rollback'));
    for (const fn of [precheck, validate]) addStatements(fn, readOnlyStatements(statementsFor()));
    acknowledgeResourceTypeWildcards([rollbackPoint, apply, rollback, precheck, validate], config, regions);
    // Validation compares post-change metrics with the baseline and reads alarm states; neither has a resource scope.
    validate.addToRolePolicy(new iam.PolicyStatement({ actions: ['cloudwatch:GetMetricData', 'cloudwatch:DescribeAlarms'], resources: ['*'] }));

    this.functions = { precheck, rollbackPoint, apply, validate, rollback, notifyOutcome };
  }

  /**
   * An explicit deny, for every apply-step function, of every executor write action (and iam:PassRole) on Headroom's
   * own resources: whatever the tag scope says or a user tags, the executors can never change Headroom's table,
   * functions, log groups, state machines, roles or buckets. A separate policy (not the roles' default one), because
   * the state machines it names depend on these functions.
   */
  denyChangesTo(arns: readonly string[]): void {
    const roles = Object.values(this.functions).flatMap((fn) => (fn.role ? [fn.role] : []));
    new iam.Policy(this, 'DenyOwnResources', {
      roles,
      statements: [new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: [...allExecutorWriteActions(), 'iam:PassRole'], resources: [...arns] })],
    });
  }
}

function addStatements(fn: IFunction, statements: readonly PermissionStatement[]): void {
  for (const statement of statements) fn.addToRolePolicy(new iam.PolicyStatement(statement));
}

/**
 * Executor grants name resource types (`...:volume/*`), never `*`; cdk-nag still flags the type wildcard.
 * Each is acknowledged by its exact rendered pattern (cdk-nag writes `Aws.PARTITION` as `<AWS::Partition>`),
 * so any other wildcard still fails synth.
 */
function acknowledgeResourceTypeWildcards(fns: readonly IFunction[], config: DeployConfig, regions: readonly string[]): void {
  const rendered = (region: string) => (region === Aws.REGION ? '<AWS::Region>' : region);
  const scopes = regions.map((region) => ({ partition: '<AWS::Partition>', account: '<AWS::AccountId>', region: rendered(region) }));
  const patterns = new Set(
    executorStatements(config.enabledExecutors, scopes)
      .flatMap((statement) => statement.resources)
      .filter((resource) => resource !== '*' && resource.includes('*')),
  );
  for (const fn of fns) {
    if (fn.role === undefined) continue;
    for (const pattern of patterns) {
      Validations.of(fn.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${pattern}]`,
        reason: 'Executor permission on one resource type in this account and region, limited further by the tag scope when configured.',
      });
    }
  }
}
