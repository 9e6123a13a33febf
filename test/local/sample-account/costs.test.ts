import { describe, expect, it } from 'vitest';
import type { Resource } from '../../../lambdas/engine/types/snapshot.js';
import { NETWORK_PRICES, sampleDailyCosts, SERVICES } from '../../../lambdas/local/sample-account/costs.js';
import type { SampleResource } from '../../../lambdas/local/sample-account/model.js';

const ACCOUNT = '123456789012';
const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 10, 29, 12);
const FLAT = { dailyAmplitude: 0, peakHourUtc: 0, weekendFactor: 1, growthPerDay: 0, noise: 0, salt: 1 };

function sample(type: Resource['type'], config: Record<string, unknown>, level = 0, details: SampleResource['details'] = {}): SampleResource {
  return {
    resource: { arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:${type}/x`, type, account: ACCOUNT, region: 'us-east-1', name: type, tags: {}, config },
    archetype: 'network',
    workload: { level, ...FLAT },
    details,
    createdAt: NOW - 400 * DAY_MS,
  };
}

/** The mean daily cost of one service over the 90 days (the ±3 % daily noise averages out to well under 1 %). */
function meanDaily(resources: SampleResource[], service: string): number {
  const costs = sampleDailyCosts({ accountId: ACCOUNT, now: NOW, seed: 7, resources, incidents: [] }).filter((c) => c.service === service);
  expect(costs).toHaveLength(90);
  return costs.reduce((sum, c) => sum + c.amountUsd, 0) / costs.length;
}

describe('sample account daily costs of the network and backup resources', () => {
  it('bills a NAT gateway per hour and per GB processed under EC2 - Other', () => {
    const idle = meanDaily([sample('ec2:nat-gateway', { state: 'available' }, 0)], SERVICES.ec2Other);
    expect(idle).toBeCloseTo(0.045 * 24, 1);
    // 1 MB/s sent through the gateway: 86.4 GB a day out, about 4.27× that processed with the replies.
    const busy = meanDaily([sample('ec2:nat-gateway', { state: 'available' }, 1)], SERVICES.ec2Other);
    expect((busy - idle) / NETWORK_PRICES.natGb).toBeGreaterThan(86.4 * 4.1);
    expect((busy - idle) / NETWORK_PRICES.natGb).toBeLessThan(86.4 * 4.45);
  });

  it('bills every Elastic IP, associated or not, as public IPv4 under Amazon Virtual Private Cloud', () => {
    const addresses = [sample('ec2:elastic-ip', { allocationId: 'eipalloc-1' }), sample('ec2:elastic-ip', { allocationId: 'eipalloc-2', associationId: 'eipassoc-2' })];
    expect(meanDaily(addresses, 'Amazon Virtual Private Cloud')).toBeCloseTo(2 * 0.005 * 24, 2);
  });

  it('bills snapshot storage per GB-month under EC2 - Other', () => {
    expect(meanDaily([sample('ebs:snapshot', { sizeGiB: 1000, storageTier: 'standard' })], SERVICES.ec2Other)).toBeCloseTo((1000 * 0.05) / 30.4375, 1);
  });

  it('bills a network load balancer its hour and its NLCUs under Amazon Elastic Load Balancing', () => {
    const nlb = meanDaily([sample('elb:load-balancer', { lbType: 'network' }, 0, { lcu: 10 })], 'Amazon Elastic Load Balancing');
    expect(nlb).toBeCloseTo((0.0225 + 10 * 0.006) * 24, 1);
    const alb = meanDaily([sample('elb:load-balancer', { lbType: 'application' }, 0, { lcu: 10 })], 'Amazon Elastic Load Balancing');
    expect(alb).toBeCloseTo((0.0225 + 10 * 0.008) * 24, 1);
  });
});
