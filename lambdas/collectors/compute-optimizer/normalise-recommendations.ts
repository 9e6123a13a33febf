import type {
  AutoScalingGroupConfiguration,
  AutoScalingGroupRecommendation,
  ECSServiceRecommendation,
  InstanceRecommendation,
  LambdaFunctionRecommendation,
  VolumeRecommendation,
} from '@aws-sdk/client-compute-optimizer';
import { ExternalRecommendationSchema, type ExternalRecommendation } from '../../engine/types/snapshot.js';
import { unqualifiedFunctionArn } from '../inventory/normalise-lambda.js';

const savings = (option: { savingsOpportunity?: { estimatedMonthlySavings?: { value?: number } } }): number =>
  option.savingsOpportunity?.estimatedMonthlySavings?.value ?? 0;

/**
 * Compute Optimizer's EC2 recommendation as an ExternalRecommendation. `performanceRisk` is Compute
 * Optimizer's own 0 (very low) … 4 (very high) scale, which the engine uses too. Returns undefined
 * for items without an ARN (nothing to attach them to).
 */
export function normaliseInstanceRecommendation(item: InstanceRecommendation): ExternalRecommendation | undefined {
  if (item.instanceArn === undefined) return undefined;
  return ExternalRecommendationSchema.parse({
    source: 'compute-optimizer',
    resourceArn: item.instanceArn,
    finding: item.finding ?? 'Unknown',
    current: { instanceType: item.currentInstanceType, findingReasonCodes: item.findingReasonCodes ?? [] },
    options: [...(item.recommendationOptions ?? [])]
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
      .map((o) => ({ proposed: { instanceType: o.instanceType }, monthlySavingsUsd: savings(o), performanceRisk: o.performanceRisk ?? 0 })),
  });
}

/** Compute Optimizer's EBS recommendation: current and proposed volume type, size, IOPS, throughput. */
export function normaliseVolumeRecommendation(item: VolumeRecommendation): ExternalRecommendation | undefined {
  if (item.volumeArn === undefined) return undefined;
  const volume = (c: VolumeRecommendation['currentConfiguration']) => ({
    volumeType: c?.volumeType,
    sizeGiB: c?.volumeSize,
    iops: c?.volumeBaselineIOPS,
    throughputMiBps: c?.volumeBaselineThroughput,
  });
  return ExternalRecommendationSchema.parse({
    source: 'compute-optimizer',
    resourceArn: item.volumeArn,
    finding: item.finding ?? 'Unknown',
    current: volume(item.currentConfiguration),
    options: [...(item.volumeRecommendationOptions ?? [])]
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
      .map((o) => ({ proposed: volume(o.configuration), monthlySavingsUsd: savings(o), performanceRisk: o.performanceRisk ?? 0 })),
  });
}

/**
 * Compute Optimizer's Lambda memory recommendation. Its function ARNs carry a version qualifier
 * (`:$LATEST`); they are stripped so the recommendation joins the inventory's unqualified ARN.
 * Lambda options carry no performance risk; the function-level `currentPerformanceRisk`
 * (VeryLow…High) is mapped onto the 0–4 scale instead.
 */
export function normaliseFunctionRecommendation(item: LambdaFunctionRecommendation): ExternalRecommendation | undefined {
  const arn = unqualifiedFunctionArn(item.functionArn);
  if (arn === undefined) return undefined;
  const risk = currentRisk(item.currentPerformanceRisk);
  return ExternalRecommendationSchema.parse({
    source: 'compute-optimizer',
    resourceArn: arn,
    finding: item.finding ?? 'Unknown',
    current: { memoryMb: item.currentMemorySize, findingReasonCodes: item.findingReasonCodes ?? [] },
    options: [...(item.memorySizeRecommendationOptions ?? [])]
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
      .map((o) => ({ proposed: { memoryMb: o.memorySize }, monthlySavingsUsd: savings(o), performanceRisk: risk })),
  });
}

/**
 * Compute Optimizer's Auto Scaling group recommendation: the group's instance type and capacity now and per
 * option (options carry their own 0–4 performance risk, like EC2's).
 */
export function normaliseAutoScalingGroupRecommendation(item: AutoScalingGroupRecommendation): ExternalRecommendation | undefined {
  if (item.autoScalingGroupArn === undefined) return undefined;
  const group = (c: AutoScalingGroupConfiguration | undefined) => ({
    instanceType: c?.instanceType,
    desiredCapacity: c?.desiredCapacity,
    minSize: c?.minSize,
    maxSize: c?.maxSize,
  });
  return ExternalRecommendationSchema.parse({
    source: 'compute-optimizer',
    resourceArn: item.autoScalingGroupArn,
    finding: item.finding ?? 'Unknown',
    current: group(item.currentConfiguration),
    options: [...(item.recommendationOptions ?? [])]
      .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
      .map((o) => ({ proposed: group(o.configuration), monthlySavingsUsd: savings(o), performanceRisk: o.performanceRisk ?? 0 })),
  });
}

/**
 * Compute Optimizer's ECS service (Fargate) recommendation: task CPU units and memory (MiB) now and per
 * option. Options carry no performance risk; the service's `currentPerformanceRisk` is used, as for Lambda.
 */
export function normaliseEcsServiceRecommendation(item: ECSServiceRecommendation): ExternalRecommendation | undefined {
  if (item.serviceArn === undefined) return undefined;
  const risk = currentRisk(item.currentPerformanceRisk);
  return ExternalRecommendationSchema.parse({
    source: 'compute-optimizer',
    resourceArn: item.serviceArn,
    finding: item.finding ?? 'Unknown',
    current: {
      cpu: item.currentServiceConfiguration?.cpu,
      memoryMb: item.currentServiceConfiguration?.memory,
      launchType: item.launchType,
      findingReasonCodes: item.findingReasonCodes ?? [],
    },
    // ECS options are not ranked: their order in the response is kept.
    options: (item.serviceRecommendationOptions ?? []).map((o) => ({ proposed: { cpu: o.cpu, memoryMb: o.memory }, monthlySavingsUsd: savings(o), performanceRisk: risk })),
  });
}

/** Compute Optimizer's VeryLow…High current-risk rating on its 0–4 performance-risk scale. */
function currentRisk(rating: string | undefined): number {
  return { VeryLow: 0, Low: 1, Medium: 2, High: 3 }[rating ?? 'VeryLow'] ?? 0;
}
