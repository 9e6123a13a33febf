/**
 * IAM permissions each executor (SPEC §8) needs, as plain data. The stack grants them for the enabled
 * executors only (none by default), each write grant only to the apply-workflow steps that use it (`steps`). Write actions are
 * scoped to resource ARN patterns of the deployment account and the configured regions, plus an
 * `aws:ResourceTag/<key>` condition when a tag scope is configured; only Describe calls, which EC2 does not
 * scope by resource, use `*`.
 *
 * The executors' runtime code (lambdas/actions/executors) declares the same actions; a test
 * (test/actions/executors/permissions.test.ts) keeps both equal for every executor.
 */

export const EXECUTOR_IDS = [
  'ebs-gp2-to-gp3',
  'lambda-memory',
  'ec2-stop',
  'ec2-instance-type',
  'ebs-snapshot-delete',
  'dynamodb-billing-mode',
  'log-retention',
] as const;

export type ExecutorId = (typeof EXECUTOR_IDS)[number];

/** Where ARNs point: partition/account/region may be CloudFormation tokens. */
export interface ArnScope {
  partition: string;
  account: string;
  region: string;
}

/**
 * The apply-workflow steps that may change resources: `snapshot` (RollbackPoint), `apply` and `rollback`.
 * Precheck and Validate only ever get read actions.
 */
export const CHANGE_STEPS = ['snapshot', 'apply', 'rollback'] as const;
export type ChangeStep = (typeof CHANGE_STEPS)[number];

export interface PermissionGrant {
  actions: string[];
  /**
   * The steps that use this grant's write actions; only those functions get it. Omitted on grants of read
   * actions only, which every apply-step function gets.
   */
  steps?: readonly ChangeStep[];
  resources: (scope: ArnScope) => string[];
  /** Whether the tag scope applies: true for changes to an existing, taggable resource. */
  tagScoped: boolean;
  /** Extra fixed conditions, e.g. limiting CreateTags to tags set by CreateSnapshot. */
  conditions?: Record<string, Record<string, string>>;
}

/** A policy statement as data, ready for `new iam.PolicyStatement(...)`. */
export interface PermissionStatement {
  actions: string[];
  resources: string[];
  conditions?: Record<string, Record<string, string>>;
}

/** Describe/List calls on EC2 support no resource-level permissions: AWS requires `*`. */
const EVERYWHERE = (): string[] => ['*'];
const ec2 = (type: string) => (s: ArnScope) => [`arn:${s.partition}:ec2:${s.region}:${s.account}:${type}/*`];
/** EBS snapshot ARNs have an empty account field. */
const ec2Snapshots = (s: ArnScope) => [`arn:${s.partition}:ec2:${s.region}::snapshot/*`];
const lambdaFunctions = (s: ArnScope) => [`arn:${s.partition}:lambda:${s.region}:${s.account}:function:*`];
const dynamoTables = (s: ArnScope) => [`arn:${s.partition}:dynamodb:${s.region}:${s.account}:table/*`];
const logGroups = (s: ArnScope) => [`arn:${s.partition}:logs:${s.region}:${s.account}:log-group:*`];
const kmsKeys = (s: ArnScope) => [`arn:${s.partition}:kms:${s.region}:${s.account}:key/*`];

/**
 * Starting an instance (or creating a volume from a snapshot) whose EBS data is encrypted with a customer-managed
 * KMS key makes EC2 use the key with the caller's permissions (EBS user guide, "Permissions for users"); without
 * them the instance falls back to `stopped` (Client.InternalError). Chosen over refusing such instances in precheck
 * so customers who encrypt with their own keys can still use the executors. Kept narrow: keys of this account and
 * region only, only when EC2 makes the call (kms:ViaService ec2.<region>.amazonaws.com; the region of the key ARN
 * already pins the region), and grants only for AWS resources (kms:GrantIsForAWSResource). The key policy must
 * still allow IAM policies of the account (the default key policy does).
 */
const ebsKms = (steps: readonly ChangeStep[]): PermissionGrant[] => [
  {
    actions: ['kms:CreateGrant'],
    steps,
    resources: kmsKeys,
    tagScoped: false,
    conditions: { StringLike: { 'kms:ViaService': 'ec2.*.amazonaws.com' }, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
  },
  {
    actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'],
    steps,
    resources: kmsKeys,
    tagScoped: false,
    conditions: { StringLike: { 'kms:ViaService': 'ec2.*.amazonaws.com' } },
  },
];

export const EXECUTOR_PERMISSIONS: Record<ExecutorId, PermissionGrant[]> = {
  'ebs-gp2-to-gp3': [
    { actions: ['ec2:ModifyVolume'], steps: ['apply', 'rollback'], resources: ec2('volume'), tagScoped: true },
    { actions: ['ec2:DescribeVolumes', 'ec2:DescribeVolumesModifications'], resources: EVERYWHERE, tagScoped: false },
  ],
  'lambda-memory': [
    // As tight as IAM allows: requests that set layers or a VPC (the condition keys UpdateFunctionConfiguration has) are
    // not allowed, and no executor holds iam:PassRole, so the role cannot change; the port sends memory and timeout only
    // (lambdas/actions/executors/sdk-lambda-ports.ts assertMemoryOrTimeoutOnly).
    {
      actions: ['lambda:UpdateFunctionConfiguration'],
      steps: ['apply', 'rollback'],
      resources: lambdaFunctions,
      tagScoped: true,
      conditions: { Null: { 'lambda:Layer': 'true', 'lambda:VpcIds': 'true', 'lambda:SubnetIds': 'true', 'lambda:SecurityGroupIds': 'true' } },
    },
    // Alias-aware: apply publishes a version and moves the alias to it; rollback moves the alias back.
    { actions: ['lambda:UpdateAlias'], steps: ['apply', 'rollback'], resources: lambdaFunctions, tagScoped: true },
    { actions: ['lambda:PublishVersion'], steps: ['apply'], resources: lambdaFunctions, tagScoped: true },
    { actions: ['lambda:GetFunctionConfiguration', 'lambda:GetAlias', 'lambda:ListTags'], resources: lambdaFunctions, tagScoped: false },
  ],
  'ec2-stop': [
    // Stopping is the change, starting is its rollback.
    { actions: ['ec2:StopInstances'], steps: ['apply'], resources: ec2('instance'), tagScoped: true },
    { actions: ['ec2:StartInstances'], steps: ['rollback'], resources: ec2('instance'), tagScoped: true },
    ...ebsKms(['rollback']),
    // DescribeInstanceTypes: precheck refuses instance types with instance storage (a stop erases it).
    { actions: ['ec2:DescribeInstances', 'ec2:DescribeInstanceTypes'], resources: EVERYWHERE, tagScoped: false },
    // The rollback point records the target groups the instance serves in; validation watches their traffic.
    { actions: ['elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetHealth'], resources: EVERYWHERE, tagScoped: false },
  ],
  'ec2-instance-type': [
    // Changing the type back needs the same stop, modify, start.
    { actions: ['ec2:StopInstances', 'ec2:StartInstances'], steps: ['apply', 'rollback'], resources: ec2('instance'), tagScoped: true },
    {
      actions: ['ec2:ModifyInstanceAttribute'],
      steps: ['apply', 'rollback'],
      resources: ec2('instance'),
      tagScoped: true,
      // ModifyInstanceAttribute changes any one attribute (user data, security groups, shutdown behaviour...). The
      // EC2 service authorization reference lists ec2:Attribute/${AttributeName} for it, holding the value being set;
      // Null=false requires the request to set InstanceType (condition key names are case-insensitive), so this grant
      // cannot change user data or security groups.
      conditions: { Null: { 'ec2:Attribute/InstanceType': 'false' } },
    },
    ...ebsKms(['apply', 'rollback']),
    { actions: ['ec2:DescribeInstances', 'ec2:DescribeInstanceTypes'], resources: EVERYWHERE, tagScoped: false },
  ],
  'ebs-snapshot-delete': [
    // Apply snapshots the volume, then deletes it. Snapshotting reads the (tagged) volume and creates a new
    // snapshot, which has no tags to check yet. Rollback restores a volume (CreateVolume) only from a snapshot
    // Headroom created (tag headroom:created-by=headroom, set by CreateSnapshot).
    { actions: ['ec2:CreateSnapshot', 'ec2:DeleteVolume'], steps: ['apply'], resources: ec2('volume'), tagScoped: true },
    { actions: ['ec2:CreateSnapshot'], steps: ['apply'], resources: ec2Snapshots, tagScoped: false },
    {
      actions: ['ec2:CreateTags'],
      steps: ['apply'],
      resources: ec2Snapshots,
      tagScoped: false,
      conditions: { StringEquals: { 'ec2:CreateAction': 'CreateSnapshot' } },
    },
    {
      actions: ['ec2:CreateVolume'],
      steps: ['rollback'],
      resources: ec2Snapshots,
      tagScoped: false,
      conditions: { StringEquals: { 'aws:ResourceTag/headroom:created-by': 'headroom' } },
    },
    // The restored volume is new: it has no tag to check yet.
    { actions: ['ec2:CreateVolume'], steps: ['rollback'], resources: ec2('volume'), tagScoped: false },
    {
      actions: ['ec2:CreateTags'],
      steps: ['rollback'],
      resources: ec2('volume'),
      tagScoped: false,
      conditions: { StringEquals: { 'ec2:CreateAction': 'CreateVolume' } },
    },
    ...ebsKms(['rollback']),
    { actions: ['ec2:DescribeVolumes', 'ec2:DescribeSnapshots'], resources: EVERYWHERE, tagScoped: false },
    // Validation: CloudTrail event history of AttachVolume calls (no resource-level permissions).
    { actions: ['cloudtrail:LookupEvents'], resources: EVERYWHERE, tagScoped: false },
  ],
  'dynamodb-billing-mode': [
    { actions: ['dynamodb:UpdateTable'], steps: ['apply', 'rollback'], resources: dynamoTables, tagScoped: true },
    { actions: ['dynamodb:DescribeTable', 'dynamodb:ListTagsOfResource'], resources: dynamoTables, tagScoped: false },
  ],
  'log-retention': [
    { actions: ['logs:PutRetentionPolicy', 'logs:DeleteRetentionPolicy'], steps: ['apply', 'rollback'], resources: logGroups, tagScoped: true },
    { actions: ['logs:DescribeLogGroups', 'logs:ListTagsForResource'], resources: logGroups, tagScoped: false },
  ],
};

/** Every write action any executor may be granted: what the apply functions are explicitly denied on Headroom's own resources. */
export function allExecutorWriteActions(): string[] {
  return [...new Set(EXECUTOR_IDS.flatMap((id) => executorActions(id)).filter((action) => !isReadAction(action)))].sort();
}

/** Every IAM action an executor needs, sorted (what its runtime declaration must match). */
export function executorActions(id: ExecutorId): string[] {
  return [...new Set(EXECUTOR_PERMISSIONS[id].flatMap((grant) => grant.actions))].sort();
}

/** Parses a `key=value` tag scope. */
export function parseTagScope(tagScope: string): { key: string; value: string } {
  const separator = tagScope.indexOf('=');
  if (separator <= 0) throw new Error(`tag scope "${tagScope}" is not key=value`);
  return { key: tagScope.slice(0, separator), value: tagScope.slice(separator + 1) };
}

/** Whether a grant belongs to a step's function: read-only grants belong to every step, others to their `steps`. */
function grantedTo(grant: PermissionGrant, step: ChangeStep | undefined): boolean {
  if (step === undefined) return true;
  return grant.steps === undefined ? grant.actions.every(isReadAction) : grant.steps.includes(step);
}

/**
 * The policy statements for the enabled executors across the given scopes (one per region): all of them, or
 * only those a given step's function uses (`step`). Tag-scoped grants carry
 * `StringEquals aws:ResourceTag/<key> = <value>` when `tagScope` is set.
 */
export function executorStatements(
  enabled: readonly ExecutorId[],
  scopes: readonly ArnScope[],
  tagScope?: string,
  step?: ChangeStep,
): PermissionStatement[] {
  const tag = tagScope === undefined ? undefined : parseTagScope(tagScope);
  return enabled.flatMap((id) =>
    EXECUTOR_PERMISSIONS[id].filter((grant) => grantedTo(grant, step)).map((grant) => {
      const resources = [...new Set(scopes.flatMap((scope) => grant.resources(scope)))];
      const conditions: Record<string, Record<string, string>> = { ...grant.conditions };
      if (grant.tagScoped && tag !== undefined) {
        conditions.StringEquals = { ...conditions.StringEquals, [`aws:ResourceTag/${tag.key}`]: tag.value };
      }
      const statement: PermissionStatement = { actions: grant.actions, resources };
      if (Object.keys(conditions).length > 0) statement.conditions = conditions;
      return statement;
    }),
  );
}

/**
 * True for actions that only read (Describe/Get/List, and API Gateway's `apigateway:GET`, which IAM names after the
 * HTTP verb of its management API): the functions that inspect but never change get these.
 */
export function isReadAction(action: string): boolean {
  return action === 'apigateway:GET' || /^[a-z0-9-]+:(Describe|Get|List|BatchGet|Lookup)/.test(action);
}

/** The read-only part of a set of statements (statements with no read action are dropped). */
export function readOnlyStatements(statements: readonly PermissionStatement[]): PermissionStatement[] {
  return statements.flatMap((statement) => {
    const actions = statement.actions.filter(isReadAction);
    return actions.length > 0 ? [{ ...statement, actions }] : [];
  });
}
