import { DescribeTableCommand, DynamoDBClient, ListTagsOfResourceCommand, UpdateTableCommand, type TableDescription } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { dynamodbBillingMode } from '../../../lambdas/actions/executors/dynamodb-billing-mode.js';
import { FIXED_NOW } from '../helpers.js';
import { actionFor } from './support/actions.js';
import { awsError, sdkContext } from './support/context.js';

const dynamodb = mockClient(DynamoDBClient);
const TABLE_ARN = 'arn:aws:dynamodb:us-east-1:123456789012:table/Orders';
const toProvisioned = actionFor(
  'dynamodb-billing-mode',
  TABLE_ARN,
  { billingMode: 'PAY_PER_REQUEST' },
  { billingMode: 'PROVISIONED', readCapacityUnits: 50, writeCapacityUnits: 20, indexes: { ByCustomer: { readCapacityUnits: 10, writeCapacityUnits: 5 } } },
  'dynamodb:table',
);
const toOnDemand = { ...toProvisioned, current: { billingMode: 'PROVISIONED', readCapacityUnits: 100, writeCapacityUnits: 100 }, proposed: { billingMode: 'PAY_PER_REQUEST' } };

/** DescribeTable, shaped like the DynamoDB API reference's TableDescription. */
function table(patch: Partial<TableDescription> = {}): { Table: TableDescription } {
  return {
    Table: {
      TableName: 'Orders',
      TableArn: TABLE_ARN,
      TableStatus: 'ACTIVE',
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: new Date('2026-10-01T00:00:00Z') },
      ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0, NumberOfDecreasesToday: 0 },
      GlobalSecondaryIndexes: [{ IndexName: 'ByCustomer', IndexStatus: 'ACTIVE', ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 } }],
      ...patch,
    },
  };
}

describe('dynamodb-billing-mode executor', () => {
  beforeEach(() => {
    dynamodb.reset();
    dynamodb.on(DescribeTableCommand).resolves(table());
    dynamodb.on(ListTagsOfResourceCommand).resolves({ Tags: [] });
  });

  it('prechecks an on-demand table switching to provisioned with capacity for every index', async () => {
    expect(await dynamodbBillingMode.precheck(toProvisioned, sdkContext())).toEqual({ ok: true });
    const noIndex = { ...toProvisioned, proposed: { billingMode: 'PROVISIONED', readCapacityUnits: 50, writeCapacityUnits: 20 } };
    expect(await dynamodbBillingMode.precheck(noIndex, sdkContext())).toMatchObject({ ok: false, reason: expect.stringContaining('index ByCustomer') });
  });

  it('refuses when a rollback to on-demand could hit the 24-hour switch limit', async () => {
    const recent = new Date(FIXED_NOW.getTime() - 3 * 3_600_000);
    dynamodb.on(DescribeTableCommand).resolves(table({ BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: recent } }));
    expect(await dynamodbBillingMode.precheck(toProvisioned, sdkContext())).toEqual({
      ok: false,
      reason:
        'table Orders switched to on-demand at 2026-11-29T09:00:00.000Z; AWS limits switches to on-demand to 4 per rolling 24 h, so a rollback might be refused — approve again after 2026-11-30T09:00:00.000Z',
    });
  });

  it('refuses a table whose mode or capacity changed since the analysis', async () => {
    dynamodb.on(DescribeTableCommand).resolves(table({ BillingModeSummary: undefined, ProvisionedThroughput: { ReadCapacityUnits: 80, WriteCapacityUnits: 100 } }));
    expect(await dynamodbBillingMode.precheck(toOnDemand, sdkContext())).toEqual({ ok: false, reason: 'table Orders now provisions 80 RCU, not 100' });
    expect(await dynamodbBillingMode.precheck(toProvisioned, sdkContext())).toEqual({ ok: false, reason: 'table Orders is now PROVISIONED, not PAY_PER_REQUEST' });
  });

  it('switches to provisioned with the proposed capacity for the table and its indexes', async () => {
    dynamodb.on(UpdateTableCommand).resolves({ TableDescription: { TableStatus: 'UPDATING' } });
    const before = await dynamodbBillingMode.snapshot(toProvisioned, sdkContext());
    expect(await dynamodbBillingMode.apply(toProvisioned, before, sdkContext())).toMatchObject({ billingMode: 'PROVISIONED', tableStatus: 'UPDATING' });
    expect(dynamodb.commandCalls(UpdateTableCommand)[0].args[0].input).toEqual({
      TableName: 'Orders',
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 50, WriteCapacityUnits: 20 },
      GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'ByCustomer', ProvisionedThroughput: { ReadCapacityUnits: 10, WriteCapacityUnits: 5 } } }],
    });
  });

  it('rolls back to on-demand, and says refused with when to retry when AWS enforces the switch limit', async () => {
    const before = await dynamodbBillingMode.snapshot(toProvisioned, sdkContext());
    const last = new Date('2026-11-29T08:00:00Z');
    dynamodb.on(DescribeTableCommand).resolves(table({ BillingModeSummary: { BillingMode: 'PROVISIONED', LastUpdateToPayPerRequestDateTime: last } }));
    dynamodb.on(UpdateTableCommand).resolves({});
    expect(await dynamodbBillingMode.rollback(toProvisioned, before, sdkContext())).toMatchObject({ status: 'rolled-back' });
    expect(dynamodb.commandCalls(UpdateTableCommand)[0].args[0].input).toEqual({ TableName: 'Orders', BillingMode: 'PAY_PER_REQUEST' });

    dynamodb.on(UpdateTableCommand).rejects(awsError('LimitExceededException', 'Subscriber limit exceeded: Billing mode can be updated to PAY_PER_REQUEST at most 4 times in 24 hours'));
    const refused = await dynamodbBillingMode.rollback(toProvisioned, before, sdkContext());
    expect(refused).toEqual({
      status: 'refused',
      reason: expect.stringContaining('the 24-hour capacity-mode switch limit is reached (latest switch to on-demand at 2026-11-29T08:00:00.000Z; retry after 2026-11-30T08:00:00.000Z)'),
    });
  });

  it('waits for an UPDATING table before rolling back', async () => {
    dynamodb.on(DescribeTableCommand)
      .resolvesOnce(table({ BillingModeSummary: { BillingMode: 'PROVISIONED' }, TableStatus: 'UPDATING' }))
      .resolvesOnce(table({ BillingModeSummary: { BillingMode: 'PROVISIONED' }, TableStatus: 'UPDATING' }))
      .resolves(table({ BillingModeSummary: { BillingMode: 'PROVISIONED' } }));
    dynamodb.on(UpdateTableCommand).resolves({});
    const before = { tableName: 'Orders', billingMode: 'PAY_PER_REQUEST', indexes: {} };
    expect(await dynamodbBillingMode.rollback(toProvisioned, before, sdkContext())).toMatchObject({ status: 'rolled-back' });
    expect(dynamodb.commandCalls(DescribeTableCommand)).toHaveLength(3);
  });

  it('validates throttles as rates, average request latency (no percentiles published), consumed capacity and alarms', () => {
    const plan = dynamodbBillingMode.validation(toProvisioned);
    expect(plan.metrics.map((m) => `${m.kind}:${m.name}`)).toEqual([
      'rate:readThrottleEvents', 'rate:writeThrottleEvents', 'level:latencyAverageGetItem', 'level:latencyAverageQuery',
      'level:latencyAveragePutItem', 'level:latencyAverageUpdateItem', 'level:consumedReadCapacity', 'level:consumedWriteCapacity',
    ]);
    expect(plan.checks.map((c) => c.name)).toEqual(['alarms']);
  });
});
