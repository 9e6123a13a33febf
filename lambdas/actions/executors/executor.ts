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
import type { GetMetricDataCommandInput, GetMetricDataCommandOutput } from '@aws-sdk/client-cloudwatch';
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

/** CloudWatch GetMetricData, for validation against the pre-change baseline. */
export interface MetricsPort {
  getMetricData(input: GetMetricDataCommandInput): Promise<GetMetricDataCommandOutput>;
}

export interface ExecutorContext {
  /** Clients for the resource's region (the apply functions run in the resource's account). */
  ec2(region: string): Ec2Port;
  cloudwatch(region: string): MetricsPort;
  lambda(region: string): LambdaPort;
  dynamodb(region: string): DynamoDbPort;
  logs(region: string): LogsPort;
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

/**
 * A metric that must not get worse after the change. Its value at a timestamp is `combine` of its
 * inputs at that timestamp (e.g. latency = total time / ops), computed client side so the port needs
 * plain GetMetricData only, not metric math.
 */
export interface ValidationMetric {
  name: string;
  unit: string;
  inputs: Record<string, MetricInput>;
  /** Returns undefined when the value is not defined at that timestamp (e.g. no I/O → no latency). */
  combine(values: Record<string, number>): number | undefined;
  /** Only 'higher is worse' metrics are declared so far (latency, queue length, errors, throttles). */
  worseWhen: 'higher';
  /** A regression must also be practically large: median shift ≥ max(minAbsoluteEffect, minRelativeEffect × baseline median). */
  minRelativeEffect: number;
  minAbsoluteEffect: number;
  /**
   * A baseline with samples and an after-window with none is a regression (an instance that stopped publishing
   * after a restart is down, not idle). Unset: too few samples is `insufficient-data`, not a regression.
   */
  missingAfterIsRegression?: boolean;
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
  validationMetrics(action: Action): ValidationMetric[];
}
