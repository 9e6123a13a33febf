import { describe, expect, it } from 'vitest';
import { fargateSpot } from '../../../../lambdas/engine/rules/ecs/fargate-spot.js';
import { context, slice } from '../fixtures.js';
import { fargateService } from './support.js';

const monthly = 4 * (2 * 0.04048 + 8 * 0.004445) * 730;

describe('ecs/fargate-spot', () => {
  it('moves a staging Fargate service to Fargate Spot at up to 70 % off', () => {
    const [finding] = fargateSpot.evaluate(slice(fargateService({}, { env: 'staging' })), context());
    expect(finding.proposed).toEqual({ capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] });
    expect(finding.monthlySavingsUsd).toBeCloseTo(monthly * 0.7, 1);
    expect(finding.performanceRisk).toBe(2);
  });

  it('accepts an explicit interruptible tag in production', () => {
    const [finding] = fargateSpot.evaluate(slice(fargateService({}, { env: 'prod', 'headroom:interruptible': 'true' })), context());
    expect(finding.evidence.statistics.interruptibleBy).toBe('headroom:interruptible');
  });

  it('passes production, untagged, ARM64 and services already on Spot', () => {
    expect(fargateSpot.evaluate(slice(fargateService({}, { env: 'prod' })), context())).toEqual([]);
    expect(fargateSpot.evaluate(slice(fargateService()), context())).toEqual([]);
    expect(fargateSpot.evaluate(slice(fargateService({ cpuArchitecture: 'ARM64' }, { env: 'dev' })), context())).toEqual([]);
    const spot = fargateService({ launchType: undefined, capacityProviders: [{ name: 'FARGATE', weight: 3 }, { name: 'FARGATE_SPOT', weight: 1 }] }, { env: 'dev' });
    expect(fargateSpot.evaluate(slice(spot), context())).toEqual([]);
  });
});
