import type { AutoScalingGroupRecommendation, InstanceRecommendation, LambdaFunctionRecommendation, VolumeRecommendation } from '@aws-sdk/client-compute-optimizer';
import { ebsGbMonthUsd, ec2Catalogue, LAMBDA_GB_SECOND_USD } from './catalogue.js';
import type { SampleComputeOptimizer, SampleResource } from './model.js';
import { meanDailyLoad } from './workload.js';

const HOURS_PER_MONTH = 730;

/** One size down in the same family, and a Graviton alternative, as Compute Optimizer tends to offer. */
const DOWNSIZE: Record<string, string[]> = {
  'm5.xlarge': ['m5.large', 'm7g.large'],
  'm5.2xlarge': ['m5.xlarge', 'm7g.xlarge'],
  'm6i.xlarge': ['m6i.large', 'm7g.large'],
  'c6i.2xlarge': ['c6i.xlarge', 'c7g.xlarge'],
  'c6i.xlarge': ['c6g.large'],
  'm7g.large': ['c6g.large'],
  't3.medium': ['t3.small'],
  't3.large': ['t3.medium'],
  'm5.large': ['t3.large', 't3.medium'],
};

/**
 * Compute Optimizer's findings for the sample account in the API's own shapes: oversized and idle
 * EC2 instances (Overprovisioned, with options ranked by risk), fleets that fit (Optimized), gp2
 * volumes (gp3 saves ~20 %), and Lambda functions given far more memory than their I/O-bound work
 * needs. Only regions in `optedInRegions` have recommendations; the others answer OptInRequiredException.
 */
export function sampleComputeOptimizer(samples: SampleResource[], optedInRegions: string[], now: number): SampleComputeOptimizer {
  const ec2: InstanceRecommendation[] = [];
  const ebs: VolumeRecommendation[] = [];
  const lambda: LambdaFunctionRecommendation[] = [];
  const refreshed = new Date(now - 6 * 3_600_000);
  for (const sample of samples) {
    const r = sample.resource;
    if (!optedInRegions.includes(r.region)) continue;
    const c = r.config as Record<string, unknown>;
    if (r.type === 'ec2:instance' && c.state === 'running') {
      const current = String(c.instanceType);
      const oversized = r.tags.workload === 'oversized' || sample.archetype === 'idle-dev';
      const options = oversized ? (DOWNSIZE[current] ?? []) : [current];
      ec2.push({
        instanceArn: r.arn,
        accountId: r.account,
        instanceName: r.name,
        currentInstanceType: current,
        finding: oversized ? 'Overprovisioned' : 'Optimized',
        findingReasonCodes: oversized ? ['CPUOverprovisioned', 'NetworkBandwidthOverprovisioned'] : [],
        lookBackPeriodInDays: 14,
        lastRefreshTimestamp: refreshed,
        recommendationOptions: options.map((instanceType, i) => {
          const monthly = ((ec2Catalogue[current]?.hourlyUsd ?? 0) - (ec2Catalogue[instanceType]?.hourlyUsd ?? 0)) * HOURS_PER_MONTH;
          return {
            instanceType,
            rank: i + 1,
            performanceRisk: oversized ? 1 + i : 0,
            savingsOpportunity: {
              savingsOpportunityPercentage: round((monthly / ((ec2Catalogue[current]?.hourlyUsd ?? 1) * HOURS_PER_MONTH)) * 100),
              estimatedMonthlySavings: { currency: 'USD', value: round(Math.max(0, monthly)) },
            },
            migrationEffort: ec2Catalogue[instanceType]?.architecture === ec2Catalogue[current]?.architecture ? 'VeryLow' : 'Medium',
          };
        }),
      });
    } else if (r.type === 'ebs:volume' && c.volumeType === 'gp2' && c.state === 'in-use') {
      const size = Number(c.sizeGiB);
      const monthly = size * (ebsGbMonthUsd.gp2 - ebsGbMonthUsd.gp3);
      ebs.push({
        volumeArn: r.arn,
        accountId: r.account,
        currentConfiguration: { volumeType: 'gp2', volumeSize: size, volumeBaselineIOPS: Math.max(100, size * 3), volumeBurstIOPS: 3000, volumeBaselineThroughput: 128 },
        finding: 'NotOptimized',
        lookBackPeriodInDays: 14,
        lastRefreshTimestamp: refreshed,
        volumeRecommendationOptions: [
          {
            configuration: { volumeType: 'gp3', volumeSize: size, volumeBaselineIOPS: 3000, volumeBaselineThroughput: 125 },
            performanceRisk: 0,
            rank: 1,
            savingsOpportunity: { savingsOpportunityPercentage: 20, estimatedMonthlySavings: { currency: 'USD', value: round(monthly) } },
          },
        ],
      });
    } else if (r.type === 'lambda:function' && Number(c.memoryMb) >= 2048 && sample.details.boundBy !== 'cpu') {
      const memory = Number(c.memoryMb);
      const invocationsPerMonth = meanDailyLoad(sample.workload, now - 86_400_000, now) * 86_400 * 30.4375;
      const rate = c.architecture === 'arm64' ? LAMBDA_GB_SECOND_USD.arm64 : LAMBDA_GB_SECOND_USD.x86_64;
      const monthlyAt = (mb: number) => invocationsPerMonth * ((sample.details.durationMs ?? 100) / 1000) * (mb / 1024) * rate;
      lambda.push({
        functionArn: `${r.arn}:$LATEST`,
        functionVersion: '$LATEST',
        accountId: r.account,
        currentMemorySize: memory,
        numberOfInvocations: Math.round(invocationsPerMonth / 2),
        lookbackPeriodInDays: 14,
        lastRefreshTimestamp: refreshed,
        finding: 'NotOptimized',
        findingReasonCodes: ['MemoryOverprovisioned'],
        currentPerformanceRisk: 'VeryLow',
        memorySizeRecommendationOptions: [memory / 2, 1024].map((mb, i) => ({
          rank: i + 1,
          memorySize: mb,
          savingsOpportunity: {
            savingsOpportunityPercentage: round((1 - mb / memory) * 100),
            estimatedMonthlySavings: { currency: 'USD', value: round(monthlyAt(memory) - monthlyAt(mb)) },
          },
        })),
      });
    }
  }
  return { optedInRegions, ec2, ebs, lambda, autoScalingGroups: autoScalingGroupRecommendations(ec2, samples, refreshed) };
}

/**
 * One recommendation per Auto Scaling group of the sample (members tagged aws:autoscaling:groupName), as Compute
 * Optimizer makes them besides its per-member ones: the group's type and capacity now, and per option the members'
 * type change at the same capacity, its savings the members' summed savings for that type.
 */
function autoScalingGroupRecommendations(ec2: InstanceRecommendation[], samples: SampleResource[], refreshed: Date): AutoScalingGroupRecommendation[] {
  const groupOf = new Map(samples.map((s) => [s.resource.arn, s.resource.tags['aws:autoscaling:groupName']]));
  const members = new Map<string, InstanceRecommendation[]>();
  for (const rec of ec2) {
    const group = groupOf.get(rec.instanceArn ?? '');
    if (group !== undefined) members.set(group, [...(members.get(group) ?? []), rec]);
  }
  return [...members.entries()].map(([name, recs]) => {
    const [first] = recs;
    const [, , , region, account] = (first.instanceArn ?? '').split(':');
    const capacity = { desiredCapacity: recs.length, minSize: Math.max(1, recs.length - 1), maxSize: recs.length * 2 };
    return {
      accountId: account,
      autoScalingGroupArn: `arn:aws:autoscaling:${region}:${account}:autoScalingGroup:${groupId(name)}:autoScalingGroupName/${name}`,
      autoScalingGroupName: name,
      finding: first.finding === 'Overprovisioned' ? 'NotOptimized' : 'Optimized',
      currentConfiguration: { instanceType: first.currentInstanceType, ...capacity },
      lookBackPeriodInDays: 14,
      lastRefreshTimestamp: refreshed,
      recommendationOptions: (first.recommendationOptions ?? []).map((option) => ({
        configuration: { instanceType: option.instanceType, ...capacity },
        rank: option.rank,
        performanceRisk: option.performanceRisk,
        savingsOpportunity: {
          savingsOpportunityPercentage: option.savingsOpportunity?.savingsOpportunityPercentage,
          estimatedMonthlySavings: { currency: 'USD', value: round(recs.length * (option.savingsOpportunity?.estimatedMonthlySavings?.value ?? 0)) },
        },
      })),
    };
  });
}

/** A stable UUID-shaped id for a group name (the ARN carries one). */
function groupId(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  const hex = (h >>> 0).toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}0000`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
