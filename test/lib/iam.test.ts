import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTOR_ROLES } from '../../lib/collector-permissions.js';
import { isReadAction } from '../../lib/executor-permissions.js';
import { EXECUTOR_IDS } from '../../lib/executor-permissions.js';
import { HANDLERS, STATE_MACHINE_LOGICAL_IDS } from '../../lib/handlers.js';
import { asList, policyStatements, synthesise } from './support/synth.js';

/**
 * Actions AWS offers no resource-level permissions for, so `*` is the only possible resource. Each is a
 * service-side telemetry or log-delivery call CDK adds for tracing/logging, never a change to a user resource.
 */
const NO_RESOURCE_LEVEL_PERMISSIONS = new Set([
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
]);

// Everything switched on: every executor, several regions and accounts, a member role, email.
const synth = synthesise({
  accounts: ['111122223333', '444455556666'],
  regions: ['eu-west-1', 'us-east-1'],
  memberRoleName: 'HeadroomReadOnly',
  memberExternalId: 'headroom-test-external-id',
  email: { sender: 'headroom@example.com', recipients: ['ops@example.com'] },
  enabledExecutors: [...EXECUTOR_IDS],
  tagScope: 'headroom:managed=true',
  interactionsReservedConcurrency: 10,
});
afterAll(() => synth.cleanup());
const statements = policyStatements(synth.json);

/** The inline policy of a role's function: `<role construct>/Role/DefaultPolicy`. */
function statementsOf(role: keyof typeof HANDLERS) {
  const roleLogicalId = ((synth.json.Resources[HANDLERS[role].logicalId].Properties?.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'])[0];
  return statements
    .filter(({ policy }) => JSON.stringify(synth.json.Resources[policy].Properties?.Roles).includes(`"${roleLogicalId}"`))
    .map(({ statement }) => statement)
    .filter((statement) => statement.Effect === 'Allow');
}

/** The Deny statements of a role's function. */
function deniesOf(role: keyof typeof HANDLERS) {
  const roleLogicalId = ((synth.json.Resources[HANDLERS[role].logicalId].Properties?.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'])[0];
  return statements
    .filter(({ policy, statement }) => statement.Effect === 'Deny' && JSON.stringify(synth.json.Resources[policy].Properties?.Roles).includes(`"${roleLogicalId}"`))
    .map(({ statement }) => statement);
}

describe('IAM', () => {
  it('has no * resource on any write action', () => {
    expect(statements.length).toBeGreaterThan(20);
    const offenders = statements
      .filter(({ statement }) => asList(statement.Resource).includes('*'))
      .flatMap(({ policy, statement }) =>
        asList(statement.Action)
          .filter((action) => !isReadAction(action) && !NO_RESOURCE_LEVEL_PERMISSIONS.has(action))
          .map((action) => `${policy}: ${action}`),
      );
    expect(offenders).toEqual([]);
  });

  it('uses no wildcard action', () => {
    const wildcards = statements.flatMap(({ statement }) => asList(statement.Action)).filter((action) => action.includes('*'));
    expect(wildcards).toEqual([]);
  });

  it('lets collectors read their source and assume only the member role in the configured accounts', () => {
    const inventory = statementsOf('collect-inventory');
    const assume = inventory.find((statement) => asList(statement.Action).includes('sts:AssumeRole'));
    expect(JSON.stringify(assume?.Resource)).toContain(':iam::111122223333:role/HeadroomReadOnly');
    expect(JSON.stringify(assume?.Resource)).toContain(':iam::444455556666:role/HeadroomReadOnly');
    expect(asList(assume?.Resource ?? [])).toHaveLength(2);
    const reads = statementsOf('collect-cost-explorer').flatMap((statement) => asList(statement.Action));
    expect(reads).toEqual(expect.arrayContaining(['ce:GetCostAndUsage', 'ce:GetCostForecast']));
    expect(reads.filter((action) => action.startsWith('ec2:'))).toEqual([]);
  });

  it('lets the Price List collector call GetProducts and nothing else of AWS but the table and the member role', () => {
    const actions = statementsOf('collect-pricing').flatMap((statement) => asList(statement.Action));
    expect(actions).toContain('pricing:GetProducts');
    // Besides: the table, its own log group and tracing.
    const foreign = actions.filter((action) => !/^(pricing:GetProducts|sts:AssumeRole|dynamodb:|xray:|logs:(CreateLogStream|PutLogEvents)$)/.test(action));
    expect(foreign).toEqual([]);
    expect(statementsOf('collect-cost-explorer').flatMap((statement) => asList(statement.Action))).not.toContain('pricing:GetProducts');
  });

  it('lets collectors list the organization and assume the member role in any account only in organizations mode', () => {
    const listAccounts = (json: typeof synth.json) =>
      policyStatements(json).filter(({ statement }) => asList(statement.Action).includes('organizations:ListAccounts'));
    expect(listAccounts(synth.json)).toEqual([]);
    const organization = synthesise({ accounts: 'organizations', memberRoleName: 'HeadroomReadOnly', memberExternalId: 'headroom-test-external-id' });
    try {
      expect(listAccounts(organization.json)).toHaveLength(COLLECTOR_ROLES.length);
      const assume = policyStatements(organization.json).filter(({ statement }) => asList(statement.Action).includes('sts:AssumeRole'));
      expect(assume).toHaveLength(COLLECTOR_ROLES.length);
      expect(JSON.stringify(assume[0].statement.Resource)).toContain(':iam::*:role/HeadroomReadOnly');
    } finally {
      organization.cleanup();
    }
  });

  it('lets the interactions function start only the apply state machine', () => {
    const start = statementsOf('interactions').filter((statement) => asList(statement.Action).some((action) => action.startsWith('states:')));
    expect(start).toHaveLength(1);
    expect(start[0].Action).toBe('states:StartExecution');
    expect(start[0].Resource).toEqual({ Ref: STATE_MACHINE_LOGICAL_IDS.apply });
  });

  it('scopes ses:SendEmail to the sender identity', () => {
    const send = statementsOf('notify-email').find((statement) => asList(statement.Action).includes('ses:SendEmail'));
    const resources = JSON.stringify(send?.Resource);
    expect(resources).toContain('identity/headroom@example.com');
    expect(resources).toContain('identity/example.com');
    expect(resources).not.toContain('"*"');
  });

  it('grants executor writes to apply and rollback only, with the tag condition', () => {
    const writes = (role: keyof typeof HANDLERS) =>
      statementsOf(role).filter((statement) => asList(statement.Action).includes('ec2:ModifyVolume'));
    expect(writes('apply')).toHaveLength(1);
    expect(writes('apply')[0].Condition).toEqual({ StringEquals: { 'aws:ResourceTag/headroom:managed': 'true' } });
    expect(writes('rollback')).toHaveLength(1);
    expect(writes('precheck')).toEqual([]);
    expect(writes('rollback-point')).toEqual([]);
    expect(writes('validate')).toEqual([]);
    expect(writes('analyse-batch')).toEqual([]);
  });

  it('grants no executor permission when no executor is enabled', () => {
    const plain = synthesise({});
    try {
      const ec2 = policyStatements(plain.json)
        .filter(({ statement }) => statement.Effect === 'Allow')
        .flatMap(({ statement }) => asList(statement.Action))
        .filter((action) => /^(ec2|dynamodb:UpdateTable|lambda:Update|logs:PutRetention)/.test(action));
      // Only the inventory collector's Describe calls remain.
      expect(ec2.every((action) => action.startsWith('ec2:Describe'))).toBe(true);
    } finally {
      plain.cleanup();
    }
  });
  it('gives the rollback-point function no write action of any executor', () => {
    const actions = statementsOf('rollback-point').flatMap((statement) => asList(statement.Action));
    expect(actions.filter((action) => /^(ec2|lambda):/.test(action) && !isReadAction(action))).toEqual([]);
    expect(actions).not.toContain('ec2:ModifyVolume');
    expect(actions).not.toContain('ec2:DeleteVolume');
    expect(actions).not.toContain('dynamodb:UpdateTable');
    expect(actions).not.toContain('logs:PutRetentionPolicy');
    expect(actions).toContain('ec2:DescribeVolumes');
  });

  it('gives each changing step only the writes it makes: ec2-stop stops in apply and starts in rollback', () => {
    const actions = (role: keyof typeof HANDLERS) => statementsOf(role).flatMap((statement) => asList(statement.Action));
    expect(actions('apply')).toContain('ec2:StopInstances');
    expect(actions('rollback')).toContain('ec2:StartInstances');
    expect(actions('apply')).toContain('ec2:DeleteVolume');
    expect(actions('rollback')).not.toContain('ec2:DeleteVolume');
  });

  it('caps the public interactions endpoint with reserved concurrency: 5 by default, as configured, none only when set to 0', () => {
    expect(synth.json.Resources[HANDLERS.interactions.logicalId].Properties?.ReservedConcurrentExecutions).toBe(10);
    const plain = synthesise({});
    expect(plain.json.Resources[HANDLERS.interactions.logicalId].Properties?.ReservedConcurrentExecutions).toBe(5);
    plain.cleanup();
    const none = synthesise({ interactionsReservedConcurrency: 0 });
    expect(none.json.Resources[HANDLERS.interactions.logicalId].Properties?.ReservedConcurrentExecutions).toBeUndefined();
    none.cleanup();
  });

  it('denies every apply-step function every executor write on Headroom\'s own table, functions, log groups, roles, state machines and bucket', () => {
    for (const role of ['precheck', 'rollback-point', 'apply', 'validate', 'rollback', 'notify-outcome'] as const) {
      const [deny] = deniesOf(role);
      expect(asList(deny.Action)).toEqual(expect.arrayContaining(['lambda:UpdateFunctionConfiguration', 'dynamodb:UpdateTable', 'logs:PutRetentionPolicy', 'ec2:DeleteVolume', 'iam:PassRole']));
      const resources = JSON.stringify(deny.Resource);
      for (const own of [HANDLERS.apply.logicalId, HANDLERS.interactions.logicalId, STATE_MACHINE_LOGICAL_IDS.apply, STATE_MACHINE_LOGICAL_IDS.analysis]) expect(resources).toContain(own);
      expect(resources).toMatch(/StorageTable/);
    }
  });

  it('lets UpdateFunctionConfiguration set no layers and no VPC (the condition keys IAM offers for it)', () => {
    const update = statementsOf('apply').find((statement) => asList(statement.Action).includes('lambda:UpdateFunctionConfiguration'));
    expect(update?.Condition).toMatchObject({ Null: { 'lambda:Layer': 'true', 'lambda:VpcIds': 'true', 'lambda:SubnetIds': 'true', 'lambda:SecurityGroupIds': 'true' } });
  });

  it('splits table writes by key prefix: only the auditing functions write AUDIT#, with PutItem alone; notify functions write nothing', () => {
    const tableWrites = (role: keyof typeof HANDLERS) =>
      statementsOf(role).filter((statement) => asList(statement.Action).some((action) => /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$/.test(action)));
    const writesAudit = (role: keyof typeof HANDLERS) => tableWrites(role).filter((statement) => JSON.stringify(statement.Condition).includes('AUDIT#'));
    for (const role of Object.keys(HANDLERS) as (keyof typeof HANDLERS)[]) {
      for (const statement of tableWrites(role)) {
        expect(statement.Condition, role).toMatchObject({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': expect.any(Array) }, Null: { 'dynamodb:LeadingKeys': 'false' } });
      }
    }
    const auditors = (Object.keys(HANDLERS) as (keyof typeof HANDLERS)[]).filter((role) => writesAudit(role).length > 0).sort();
    expect(auditors).toEqual(['apply', 'apply-watchdog', 'interactions', 'notify-outcome', 'precheck', 'rollback', 'rollback-point', 'validate']);
    for (const role of auditors) expect(writesAudit(role).every((statement) => asList(statement.Action).join() === 'dynamodb:PutItem')).toBe(true);
    expect(tableWrites('notify-slack')).toEqual([]);
    expect(tableWrites('collect-inventory').flatMap((statement) => asList(statement.Action))).not.toContain('dynamodb:Scan');
  });
});
