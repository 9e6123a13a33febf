import { describe, expect, it } from 'vitest';
import { unassociatedElasticIp } from '../../../../lambdas/engine/rules/network/unassociated-elastic-ip.js';
import { context, resource, slice } from '../fixtures.js';

const eip = (config: Record<string, unknown> = {}) =>
  resource('ec2:elastic-ip', 'eipalloc-0abc', { publicIp: '203.0.113.10', allocationId: 'eipalloc-0abc', ...config });

describe('network/unassociated-elastic-ip', () => {
  it('flags an address associated with nothing: $0.005 × 730 a month', () => {
    const [finding] = unassociatedElasticIp.evaluate(slice(eip()), context());
    expect(finding.monthlySavingsUsd).toBeCloseTo(3.65, 2);
    expect(finding.proposed).toEqual({ released: true });
    expect(finding).toMatchObject({ performanceRisk: 0, confidence: 1, reversible: false, domain: 'network' });
    expect(finding.automation.executor).toBeNull();
  });

  it('passes an address associated with an instance or a network interface', () => {
    expect(unassociatedElasticIp.evaluate(slice(eip({ associationId: 'eipassoc-1', instanceId: 'i-1' })), context())).toEqual([]);
    expect(unassociatedElasticIp.evaluate(slice(eip({ networkInterfaceId: 'eni-1' })), context())).toEqual([]);
  });

  it('uses the regional price from the snapshot', () => {
    const regional = context({ prices: { region: 'sa-east-1', ec2HourlyUsd: {}, ebsGbMonthUsd: {}, elasticIpHourlyUsd: 0.006 } });
    expect(unassociatedElasticIp.evaluate(slice(eip()), regional)[0].monthlySavingsUsd).toBeCloseTo(4.38, 2);
  });
});
