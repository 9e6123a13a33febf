import { describe, expect, it } from 'vitest';
import { fargateGraviton } from '../../../../lambdas/engine/rules/ecs/fargate-graviton.js';
import { context, slice } from '../fixtures.js';
import { fargateService } from './support.js';

describe('ecs/fargate-graviton', () => {
  it('moves an x86 Fargate service to ARM64 at the same size, 20 % cheaper', () => {
    const [finding] = fargateGraviton.evaluate(slice(fargateService()), context());
    const x86 = 2 * 0.04048 + 8 * 0.004445;
    const arm = 2 * 0.03238 + 8 * 0.00356;
    expect(finding.proposed).toEqual({ cpuArchitecture: 'ARM64' });
    expect(finding.monthlySavingsUsd).toBeCloseTo(4 * (x86 - arm) * 730, 1);
    expect(finding.effort).toBe('high');
  });

  it('passes ARM64 services, services using Fargate Spot (no ARM64 there) and Windows tasks', () => {
    expect(fargateGraviton.evaluate(slice(fargateService({ cpuArchitecture: 'ARM64' })), context())).toEqual([]);
    const spot = fargateService({ launchType: undefined, capacityProviders: [{ name: 'FARGATE_SPOT', weight: 1 }] });
    expect(fargateGraviton.evaluate(slice(spot), context())).toEqual([]);
    expect(fargateGraviton.evaluate(slice(fargateService({ operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' })), context())).toEqual([]);
  });
});
