import type {
  CreateSnapshotCommandInput,
  CreateSnapshotCommandOutput,
  CreateVolumeCommandInput,
  CreateVolumeCommandOutput,
  DeleteVolumeCommandInput,
  DeleteVolumeCommandOutput,
  DescribeInstanceTypesCommandInput,
  DescribeInstanceTypesCommandOutput,
  DescribeInstancesCommandInput,
  DescribeInstancesCommandOutput,
  DescribeSnapshotsCommandInput,
  DescribeSnapshotsCommandOutput,
  ModifyInstanceAttributeCommandInput,
  ModifyInstanceAttributeCommandOutput,
  StartInstancesCommandInput,
  StartInstancesCommandOutput,
  StopInstancesCommandInput,
  StopInstancesCommandOutput,
  DescribeVolumesCommandInput,
  DescribeVolumesCommandOutput,
  DescribeVolumesModificationsCommandInput,
  DescribeVolumesModificationsCommandOutput,
  ModifyVolumeCommandInput,
  ModifyVolumeCommandOutput,
} from '@aws-sdk/client-ec2';
import type { DescribeAlarmsCommandInput, DescribeAlarmsCommandOutput, GetMetricDataCommandInput, GetMetricDataCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { LookupEventsCommandInput, LookupEventsCommandOutput } from '@aws-sdk/client-cloudtrail';
import type {
  DescribeTargetGroupsCommandInput,
  DescribeTargetGroupsCommandOutput,
  DescribeTargetHealthCommandInput,
  DescribeTargetHealthCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type {
  DeleteRetentionPolicyCommandInput,
  DeleteRetentionPolicyCommandOutput,
  DescribeLogGroupsCommandInput,
  DescribeLogGroupsCommandOutput,
  ListTagsForResourceCommandInput,
  ListTagsForResourceCommandOutput,
  PutRetentionPolicyCommandInput,
  PutRetentionPolicyCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';
import type {
  DescribeTableCommandInput,
  DescribeTableCommandOutput,
  ListTagsOfResourceCommandInput,
  ListTagsOfResourceCommandOutput,
  UpdateTableCommandInput,
  UpdateTableCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type {
  GetAliasCommandInput,
  GetAliasCommandOutput,
  GetFunctionConfigurationCommandInput,
  GetFunctionConfigurationCommandOutput,
  ListTagsCommandInput,
  ListTagsCommandOutput,
  PublishVersionCommandInput,
  PublishVersionCommandOutput,
  UpdateAliasCommandInput,
  UpdateAliasCommandOutput,
  UpdateFunctionConfigurationCommandInput,
  UpdateFunctionConfigurationCommandOutput,
} from '@aws-sdk/client-lambda';
import type { Action } from '../../engine/types/action.js';

/**
 * An executor applies one kind of action safely (SPEC §8). It declares the IAM actions it needs (the
 * stack grants exactly `executors.flatMap(e => e.permissions)` for enabled executors — see
 * lib/executor-permissions.ts, kept equal by a test), and talks to AWS only through ports shaped like
 * SDK commands, so the local demo can serve them from the sample account and tests from
 * aws-sdk-client-mock.
 */

/** EC2 calls an executor may make, one method per SDK command (input/output are the SDK's types). */
export interface Ec2Port {
  describeVolumes(input: DescribeVolumesCommandInput): Promise<DescribeVolumesCommandOutput>;
  describeVolumesModifications(input: DescribeVolumesModificationsCommandInput): Promise<DescribeVolumesModificationsCommandOutput>;
  modifyVolume(input: ModifyVolumeCommandInput): Promise<ModifyVolumeCommandOutput>;
  describeInstances(input: DescribeInstancesCommandInput): Promise<DescribeInstancesCommandOutput>;
  describeInstanceTypes(input: DescribeInstanceTypesCommandInput): Promise<DescribeInstanceTypesCommandOutput>;
  stopInstances(input: StopInstancesCommandInput): Promise<StopInstancesCommandOutput>;
  startInstances(input: StartInstancesCommandInput): Promise<StartInstancesCommandOutput>;
  modifyInstanceAttribute(input: ModifyInstanceAttributeCommandInput): Promise<ModifyInstanceAttributeCommandOutput>;
  createSnapshot(input: CreateSnapshotCommandInput): Promise<CreateSnapshotCommandOutput>;
  describeSnapshots(input: DescribeSnapshotsCommandInput): Promise<DescribeSnapshotsCommandOutput>;
  deleteVolume(input: DeleteVolumeCommandInput): Promise<DeleteVolumeCommandOutput>;
  createVolume(input: CreateVolumeCommandInput): Promise<CreateVolumeCommandOutput>;
}

/** Lambda calls of the lambda-memory executor. */
export interface LambdaPort {
  getFunctionConfiguration(input: GetFunctionConfigurationCommandInput): Promise<GetFunctionConfigurationCommandOutput>;
  updateFunctionConfiguration(input: UpdateFunctionConfigurationCommandInput): Promise<UpdateFunctionConfigurationCommandOutput>;
  listTags(input: ListTagsCommandInput): Promise<ListTagsCommandOutput>;
  getAlias(input: GetAliasCommandInput): Promise<GetAliasCommandOutput>;
  publishVersion(input: PublishVersionCommandInput): Promise<PublishVersionCommandOutput>;
  updateAlias(input: UpdateAliasCommandInput): Promise<UpdateAliasCommandOutput>;
}

/** DynamoDB control-plane calls of the dynamodb-billing-mode executor. */
export interface DynamoDbPort {
  describeTable(input: DescribeTableCommandInput): Promise<DescribeTableCommandOutput>;
  updateTable(input: UpdateTableCommandInput): Promise<UpdateTableCommandOutput>;
  listTagsOfResource(input: ListTagsOfResourceCommandInput): Promise<ListTagsOfResourceCommandOutput>;
}

/** CloudWatch Logs calls of the log-retention executor. */
export interface LogsPort {
  describeLogGroups(input: DescribeLogGroupsCommandInput): Promise<DescribeLogGroupsCommandOutput>;
  putRetentionPolicy(input: PutRetentionPolicyCommandInput): Promise<PutRetentionPolicyCommandOutput>;
  deleteRetentionPolicy(input: DeleteRetentionPolicyCommandInput): Promise<DeleteRetentionPolicyCommandOutput>;
  listTagsForResource(input: ListTagsForResourceCommandInput): Promise<ListTagsForResourceCommandOutput>;
}

/** Weekly window in which instance restarts are allowed (deploy config `maintenanceWindow`). */
export interface MaintenanceWindow {
  /** Days on which the window opens, UTC. */
  days: ('sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat')[];
  /** `HH:MM`, UTC. */
  startUtc: string;
  durationHours: number;
}

/** CloudWatch GetMetricData and DescribeAlarms, for validation against the pre-change baseline. */
export interface MetricsPort {
  getMetricData(input: GetMetricDataCommandInput): Promise<GetMetricDataCommandOutput>;
  describeAlarms(input: DescribeAlarmsCommandInput): Promise<DescribeAlarmsCommandOutput>;
}

/** CloudTrail event history (90 days of management events, on by default), for what AWS records no metric of. */
export interface CloudTrailPort {
  lookupEvents(input: LookupEventsCommandInput): Promise<LookupEventsCommandOutput>;
}

/** Elastic Load Balancing (v2) reads: which target groups an instance serves in. */
export interface ElbPort {
  describeTargetGroups(input: DescribeTargetGroupsCommandInput): Promise<DescribeTargetGroupsCommandOutput>;
  describeTargetHealth(input: DescribeTargetHealthCommandInput): Promise<DescribeTargetHealthCommandOutput>;
}

export interface ExecutorContext {
  /** Clients for the resource's region (the apply functions run in the resource's account). */
  ec2(region: string): Ec2Port;
  cloudwatch(region: string): MetricsPort;
  lambda(region: string): LambdaPort;
  dynamodb(region: string): DynamoDbPort;
  logs(region: string): LogsPort;
  cloudtrail(region: string): CloudTrailPort;
  elb(region: string): ElbPort;
  now(): Date;
  /** Unset: no window, so executors that restart instances refuse (precheck says why). */
  maintenanceWindow?: MaintenanceWindow;
  /** Waits between polls of an operation AWS completes asynchronously; tests and the demo pass one that returns at once. */
  sleep?(ms: number): Promise<void>;
  /** When configured (TAG_SCOPE "key=value"), only resources carrying this tag may be changed. */
  tagScope?: { key: string; value: string };
}

export type PrecheckOutcome = { ok: true } | { ok: false; reason: string };

export type RollbackOutcome =
  | { status: 'rolled-back'; restored: Record<string, unknown> }
  | { status: 'not-needed'; reason: string }
  /** AWS refused the change back (e.g. an EBS modification is still in progress); a human must act. */
  | { status: 'refused'; reason: string };

/** One input series of a validation metric (a CloudWatch MetricStat). */
export interface MetricInput {
  namespace: string;
  metricName: string;
  dimensions: { name: string; value: string }[];
  stat: string;
}

interface MetricCriteria {
  name: string;
  unit: string;
  /** 'lower': a drop is the regression (ingestion, traffic). */
  worseWhen: 'higher' | 'lower';
  /** A regression must also be practically large: worsening ≥ max(minAbsoluteEffect, minRelativeEffect × baseline). */
  minRelativeEffect: number;
  minAbsoluteEffect: number;
}

/**
 * A level metric that must not get worse after the change (latency quantile, CPU, queue length), compared with the
 * block test (lambdas/actions/validation/level-test.ts). Its value at a timestamp is `combine` of its inputs there
 * (e.g. latency = total time / ops), computed client side so the port needs plain GetMetricData only.
 */
export interface LevelMetric extends MetricCriteria {
  kind: 'level';
  inputs: Record<string, MetricInput>;
  /** Returns undefined when the value is not defined at that timestamp (e.g. no I/O → no latency). */
  combine(values: Record<string, number>): number | undefined;
}

/**
 * A rate that must not rise (errors per invocation, throttles per request, events per period), compared as a rate
 * with the quasi-binomial / quasi-Poisson test (lambdas/actions/validation/rate-test.ts). `exposure` absent: events
 * per period (a Poisson rate in time). Effects are in rate units (0.01 = one percentage point of trials).
 */
export interface RateMetric extends MetricCriteria {
  kind: 'rate';
  events: MetricInput;
  exposure?: { inputs: Record<string, MetricInput>; combine(values: Record<string, number>): number | undefined };
}

export type ValidationMetric = LevelMetric | RateMetric;

/** The windows a validation compares, and the rollback point (e.g. the target groups a stopped instance was in). */
export interface ValidationWindows {
  before: { start: Date; end: Date; periodSeconds: number };
  after: { start: Date; end: Date; periodSeconds: number };
  rollbackPoint: Record<string, unknown>;
}

/**
 * A check that is not a metric comparison (alarms, CloudTrail, target-group traffic). It may only read AWS; its verdict
 * joins the metrics'. Executors of other kinds add their own (see docs/safe-apply.md "Adding an executor").
 */
export interface ValidationCheck {
  name: string;
  run(action: Action, windows: ValidationWindows, ctx: ExecutorContext): Promise<import('../validation/verdict.js').Verdict>;
}

/** What an executor validates after the bake: metrics against the baseline, and checks. */
export interface ValidationPlan {
  metrics: ValidationMetric[];
  checks: ValidationCheck[];
}

export interface Executor {
  /** Matches Action.automation.executor. */
  id: string;
  /** IAM actions this executor calls; must equal lib/executor-permissions.ts for this id. */
  permissions: string[];
  /**
   * Could this executor make this change at all, judged from the action alone: pure and synchronous, no AWS call
   * (the Slack digest offers Approve only where it passes). Its shape, its resource ARN, and what the executor knows
   * AWS would refuse (an Auto Scaling group member, a move across CPU architectures...). Also the first part of
   * `precheck`, so an action it refuses is never applied.
   */
  eligibility(action: Action): PrecheckOutcome;
  /** Does the resource still match `action.current`, and may we change it? Starts with `eligibility`. */
  precheck(action: Action, ctx: ExecutorContext): Promise<PrecheckOutcome>;
  /** The rollback point: the configuration to restore, read from AWS (not from the action). */
  snapshot(action: Action, ctx: ExecutorContext): Promise<Record<string, unknown>>;
  /** Makes the change; throws on failure (the state machine catches it and rolls back). Returns the requested configuration. */
  apply(action: Action, before: Record<string, unknown>, ctx: ExecutorContext): Promise<Record<string, unknown>>;
  rollback(action: Action, before: Record<string, unknown>, ctx: ExecutorContext): Promise<RollbackOutcome>;
  /** What the Validate step compares after the bake (every executor validates something real). */
  validation(action: Action): ValidationPlan;
}
