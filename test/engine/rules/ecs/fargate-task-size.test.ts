import { describe, expect, it } from 'vitest';
import { fargateTaskSize } from '../../../../lambdas/engine/rules/ecs/fargate-task-size.js';
import { isFargateTaskSize } from '../../../../lambdas/engine/pricing/fargate-prices.js';
import { context, slice } from '../fixtures.js';
import { ecsMetric, fargateService } from './support.js';

const task = (cpuUnits: number, memoryMiB: number) => (cpuUnits / 1024) * 0.04048 + (memoryMiB / 1024) * 0.004445;

describe('ecs/fargate-task-size', () => {
  it('shrinks a 2 vCPU / 8 GB task using 15 % CPU and 20 % memory to the cheapest valid combination that holds both', () => {
    const res = fargateService();
    const [finding] = fargateTaskSize.evaluate(slice(res, [ecsMetric(res.arn, 'CPUUtilization', () => 15), ecsMetric(res.arn, 'MemoryUtilization', () => 20)]), context());
    // CPU 2048 × 0.15 × 1.2 = 369 units → 512; memory 8192 × 0.2 × 1.2 = 1,966 MiB → 2,048 (valid with 512).
    expect(finding.proposed).toEqual({ taskCpuUnits: 512, taskMemoryMiB: 2048 });
    expect(isFargateTaskSize(512, 2048)).toBe(true);
    expect(finding.monthlySavingsUsd).toBeCloseTo(4 * (task(2048, 8192) - task(512, 2048)) * 730, 1);
    expect(finding.performanceRisk).toBeLessThanOrEqual(2);
  });

  it('sizes memory on its peak, not a quantile: one spike to 90 % keeps the memory', () => {
    const res = fargateService();
    const spiky = ecsMetric(res.arn, 'MemoryUtilization', (i) => (i === 1000 ? 90 : 20));
    const [finding] = fargateTaskSize.evaluate(slice(res, [ecsMetric(res.arn, 'CPUUtilization', () => 15), spiky]), context());
    // 8192 × 0.9 × 1.2 = 8,847 MiB → 9,216, which needs 2 vCPU: CPU stays, memory grows — dearer, so no finding.
    expect(finding).toBeUndefined();
  });

  it('keeps the container-level reservations a task definition must hold', () => {
    const res = fargateService({ containerCpuUnits: 1024, containerMemoryMiB: 3072 });
    const [finding] = fargateTaskSize.evaluate(slice(res, [ecsMetric(res.arn, 'CPUUtilization', () => 5), ecsMetric(res.arn, 'MemoryUtilization', () => 5)]), context());
    expect(finding.proposed).toEqual({ taskCpuUnits: 1024, taskMemoryMiB: 3072 });
  });

  it('prices the Spot share of a mixed strategy at the Spot discount', () => {
    const onDemand = fargateService();
    const mixed = fargateService({ launchType: undefined, capacityProviders: [{ name: 'FARGATE', weight: 1 }, { name: 'FARGATE_SPOT', weight: 1 }] });
    const metrics = (arn: string) => [ecsMetric(arn, 'CPUUtilization', () => 15), ecsMetric(arn, 'MemoryUtilization', () => 20)];
    const [a] = fargateTaskSize.evaluate(slice(onDemand, metrics(onDemand.arn)), context());
    const [b] = fargateTaskSize.evaluate(slice(mixed, metrics(mixed.arn)), context());
    expect(b.monthlySavingsUsd).toBeCloseTo(a.monthlySavingsUsd * (1 - 0.5 * 0.7), 1);
  });

  it('passes a well-sized task, EC2-launched services, services without memory metrics or with scaled-in tasks', () => {
    const res = fargateService({ taskCpuUnits: 512, taskMemoryMiB: 1024 });
    expect(fargateTaskSize.evaluate(slice(res, [ecsMetric(res.arn, 'CPUUtilization', () => 70), ecsMetric(res.arn, 'MemoryUtilization', () => 70)]), context())).toEqual([]);
    const ec2 = fargateService({ launchType: 'EC2' });
    expect(fargateTaskSize.evaluate(slice(ec2, [ecsMetric(ec2.arn, 'CPUUtilization', () => 5), ecsMetric(ec2.arn, 'MemoryUtilization', () => 5)]), context())).toEqual([]);
    const noMemory = fargateService();
    expect(fargateTaskSize.evaluate(slice(noMemory, [ecsMetric(noMemory.arn, 'CPUUtilization', () => 5)]), context())).toEqual([]);
    const zero = fargateService({ desiredCount: 0 });
    expect(fargateTaskSize.evaluate(slice(zero, [ecsMetric(zero.arn, 'CPUUtilization', () => 5), ecsMetric(zero.arn, 'MemoryUtilization', () => 5)]), context())).toEqual([]);
  });
});
