import { describe, expect, it } from 'vitest';
import { PROTECTED_FLOOR_MONTHLY_USD, protectedMonthlyUsd } from '../../../../lambdas/engine/rules/account/protected-monthly-usd.js';
import { ResourceConfigError } from '../../../../lambdas/engine/rules/support/read-config.js';
import { context, resource } from '../fixtures.js';

const prices = context().prices;

describe('protectedMonthlyUsd', () => {
  it('prices an EC2 instance at its on-demand rate × 730', () => {
    const big = resource('ec2:instance', 'db', { instanceType: 'm5.4xlarge', state: 'running' });
    expect(protectedMonthlyUsd(big, prices)).toBeCloseTo(prices.ec2HourlyUsd('m5.4xlarge')! * 730, 6);
  });

  it('prices a provisioned DynamoDB table by its capacity units', () => {
    const table = resource('dynamodb:table', 'big', { billingMode: 'PROVISIONED', readCapacityUnits: 2000, writeCapacityUnits: 1000 });
    expect(protectedMonthlyUsd(table, prices)).toBeCloseTo((2000 * prices.dynamoDb.rcuHourUsd + 1000 * prices.dynamoDb.wcuHourUsd) * 730, 6);
  });

  it('falls back to the floor for Lambda, unknown instance types and cheap resources', () => {
    const fn = resource('lambda:function', 'api', { memoryMb: 512, timeoutSec: 30, architecture: 'arm64', runtime: 'nodejs22.x' });
    expect(protectedMonthlyUsd(fn, prices)).toBe(PROTECTED_FLOOR_MONTHLY_USD);
    expect(protectedMonthlyUsd(resource('ec2:instance', 'x', { instanceType: 'zz9.mega', state: 'running' }), prices)).toBe(PROTECTED_FLOOR_MONTHLY_USD);
    expect(protectedMonthlyUsd(resource('ec2:instance', 'n', { instanceType: 't3.nano', state: 'running' }), prices)).toBe(PROTECTED_FLOOR_MONTHLY_USD);
  });

  it('rejects a config that does not match its type', () => {
    expect(() => protectedMonthlyUsd(resource('rds:db-instance', 'bad', { engine: 'postgres' }), prices)).toThrow(ResourceConfigError);
  });
});
