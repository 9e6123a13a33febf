import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { HANDLER_ROLES, HANDLERS, STATE_MACHINE_LOGICAL_IDS } from '../../lib/handlers.js';
import { synthesise } from './support/synth.js';

const synth = synthesise({
  accounts: ['111122223333', '444455556666'],
  regions: ['eu-west-1', 'us-east-1'],
  memberRoleName: 'HeadroomReadOnly',
  memberExternalId: 'headroom-test-external-id',
  email: { sender: 'headroom@example.com', recipients: ['ops@example.com', 'finops@example.com'] },
  slack: { channel: '#finops', approverIds: ['U012AB3CD'], highRiskApproverIds: ['S0614TZR7'] },
  enabledExecutors: ['ebs-gp2-to-gp3', 'lambda-memory'],
  reportUrl: 'https://reports.example.com/runs/{runId}',
  schedules: { cloudwatchEveryHours: 3, analysisAt: '07:30', timeZone: 'Europe/Paris' },
  bakeMinutes: 90,
  tagScope: 'headroom:managed=true',
});
// A second stack with defaults except the table's removal settings.
const plain = synthesise({ table: { deletionProtection: false, removalPolicy: 'destroy' } });
afterAll(() => {
  synth.cleanup();
  plain.cleanup();
});
const { template, json, stack } = synth;

function functionProps(role: keyof typeof HANDLERS): Record<string, unknown> {
  const resource = json.Resources[HANDLERS[role].logicalId];
  expect(resource?.Type, role).toBe('AWS::Lambda::Function');
  return resource.Properties ?? {};
}

describe('table', () => {
  it('is one on-demand table keyed pk/sk with TTL, point-in-time recovery, KMS encryption and deletion protection', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it('follows the configuration for deletion protection and removal', () => {
    plain.template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })] }),
    });
  });
});

describe('functions', () => {
  it('creates one function per role under its fixed logical id, exposed by role on the stack', () => {
    template.resourceCountIs('AWS::Lambda::Function', HANDLER_ROLES.length);
    for (const role of HANDLER_ROLES) {
      functionProps(role);
      expect(stack.resolve((stack.functions[role].node.defaultChild as CfnElement).logicalId)).toBe(HANDLERS[role].logicalId);
    }
  });

  it('runs every function on Node.js 24, ARM64, with active tracing and its own log group with retention', () => {
    for (const role of HANDLER_ROLES) {
      const props = functionProps(role);
      expect(props.Runtime, role).toBe('nodejs24.x');
      expect(props.Architectures, role).toEqual(['arm64']);
      expect(props.TracingConfig, role).toEqual({ Mode: 'Active' });
      expect(props.LoggingConfig, role).toEqual({ LogGroup: { Ref: expect.stringMatching(/Logs/) } });
      expect((props.Environment as { Variables: Record<string, unknown> }).Variables.TABLE_NAME, role).toBeDefined();
    }
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  it('leaves email empty (disabled) when no sender is configured', () => {
    const variables = (plain.json.Resources[HANDLERS['notify-email'].logicalId].Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables).toMatchObject({ SENDER_EMAIL: '', RECIPIENT_EMAILS: '' });
    expect(JSON.stringify(plain.json)).not.toContain('ses:SendEmail');
  });

  it('passes the configuration to collectors, workflow, notify, interactions and apply functions', () => {
    const env = (role: keyof typeof HANDLERS) => (functionProps(role).Environment as { Variables: Record<string, unknown> }).Variables;
    expect(env('collect-cloudwatch')).toMatchObject({
      REGIONS: 'eu-west-1,us-east-1',
      ACCOUNTS: '111122223333,444455556666',
      ACCOUNT_SOURCE: 'list',
      MEMBER_ROLE_NAME: 'HeadroomReadOnly',
      MEMBER_EXTERNAL_ID: 'headroom-test-external-id',
      LOOKBACK_DAYS: '14',
    });
    expect(env('plan')).toMatchObject({ HEADROOM_PERCENT: '20', LOOKBACK_DAYS: '14', BATCH_SIZE: '100' });
    const reportUrl = 'https://reports.example.com/runs/{runId}';
    expect(env('notify-slack')).toMatchObject({
      SLACK_CHANNEL: '#finops',
      SLACK_SECRET_ARN: { Ref: expect.any(String) },
      ENABLED_EXECUTORS: 'ebs-gp2-to-gp3,lambda-memory',
      REPORT_URL: reportUrl,
    });
    expect(env('notify-email')).toMatchObject({
      SENDER_EMAIL: 'headroom@example.com',
      RECIPIENT_EMAILS: 'ops@example.com,finops@example.com',
      REPORT_URL: reportUrl,
    });
    expect(env('interactions')).toMatchObject({
      APPROVER_IDS: 'U012AB3CD',
      HIGH_RISK_APPROVER_IDS: 'S0614TZR7',
      APPLY_STATE_MACHINE_ARN: { Ref: STATE_MACHINE_LOGICAL_IDS.apply },
      ENABLED_EXECUTORS: 'ebs-gp2-to-gp3,lambda-memory',
      ACCOUNT_ID: { Ref: 'AWS::AccountId' },
    });
    expect(env('apply')).toMatchObject({ ENABLED_EXECUTORS: 'ebs-gp2-to-gp3,lambda-memory', TAG_SCOPE: 'headroom:managed=true' });
    for (const role of ['precheck', 'rollback-point', 'apply', 'validate', 'rollback', 'notify-outcome', 'notify-slack'] as const) {
      expect(env(role).ACCOUNT_ID, role).toEqual({ Ref: 'AWS::AccountId' });
    }
  });

  it('exposes the interactions function through a Function URL without AWS auth and outputs it', () => {
    template.hasResourceProperties('AWS::Lambda::Url', {
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [HANDLERS.interactions.logicalId, 'Arn'] },
    });
    template.hasOutput('InteractionsUrl', {});
  });
});

describe('schedules', () => {
  const schedules = () => Object.values(json.Resources).filter((resource) => resource.Type === 'AWS::Scheduler::Schedule');
  const targetOf = (resource: { Properties?: Record<string, unknown> }) => JSON.stringify((resource.Properties?.Target as { Arn: unknown }).Arn);

  it('starts each of the five collectors at its configured rate, the Price List weekly by default', () => {
    const expected: Record<string, string> = {
      CollectCloudWatchFunction: 'rate(3 hours)',
      CollectCostExplorerFunction: 'rate(1 day)',
      CollectComputeOptimizerFunction: 'rate(1 day)',
      CollectInventoryFunction: 'rate(6 hours)',
      CollectPricingFunction: 'rate(7 days)',
    };
    for (const [logicalId, expression] of Object.entries(expected)) {
      const schedule = schedules().find((resource) => targetOf(resource).includes(`"${logicalId}"`));
      expect(schedule?.Properties?.ScheduleExpression, logicalId).toBe(expression);
      expect(schedule?.Properties?.FlexibleTimeWindow).toEqual({ Mode: 'OFF' });
    }
  });

  it('starts the analysis state machine daily at the configured time and zone', () => {
    const analysis = schedules().find((resource) => targetOf(resource).includes(STATE_MACHINE_LOGICAL_IDS.analysis));
    expect(analysis?.Properties).toMatchObject({
      ScheduleExpression: 'cron(30 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      Target: { Input: '{}' },
    });
    // Five collectors and the analysis.
    expect(schedules()).toHaveLength(6);
  });
});

describe('state machines', () => {
  it('creates both as STANDARD with ERROR logging and tracing, under fixed logical ids', () => {
    for (const logicalId of Object.values(STATE_MACHINE_LOGICAL_IDS)) {
      expect(json.Resources[logicalId]?.Properties).toMatchObject({
        StateMachineType: 'STANDARD',
        TracingConfiguration: { Enabled: true },
        LoggingConfiguration: { Level: 'ERROR', IncludeExecutionData: false },
      });
    }
    expect(stack.resolve((stack.analysisStateMachine.node.defaultChild as CfnElement).logicalId)).toBe('AnalysisStateMachine');
  });
});
