// ECS service fixtures shared by the ECS rule tests (not a test file itself).
import type { Resource } from '../../../../lambdas/engine/types/snapshot.js';
import { resource, series } from '../fixtures.js';

export function fargateService(config: Record<string, unknown> = {}, tags: Record<string, string> = {}): Resource {
  return {
    ...resource('ecs:service', 'checkout-web', {
      clusterName: 'prod',
      serviceName: 'checkout-web',
      status: 'ACTIVE',
      launchType: 'FARGATE',
      desiredCount: 4,
      runningCount: 4,
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/checkout-web:7',
      taskCpuUnits: 2048,
      taskMemoryMiB: 8192,
      ...config,
    }),
    tags,
  };
}

export const ecsMetric = (arn: string, metricName: string, fn: (i: number) => number, days = 14) =>
  series(arn, metricName, 'Maximum', fn, { days, namespace: 'AWS/ECS', unit: 'Percent' });
