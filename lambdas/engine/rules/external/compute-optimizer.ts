import type { Domain, Finding, SeriesExcerpt } from '../../types/action.js';
import type { ExternalRecommendation, MetricSeries, Resource, ResourceType } from '../../types/snapshot.js';
import type { ResourceSlice, RuleContext } from '../rule.js';
import { buildFinding } from '../support/build-finding.js';
import { dataConfidence } from '../support/confidence.js';
import { excerpt } from '../support/downsample.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, windowSeries } from '../support/series-window.js';
import { computeKgCo2ePerMonth } from '../../carbon/estimate.js';
import { CCF_AVERAGE_CPU_FRACTION } from '../../carbon/ccf-coefficients.js';

/**
 * Compute Optimizer does not publish a confidence. With metric evidence of our own for the resource (its main metric
 * collected over ≥ 30 hours of the lookback, what Compute Optimizer itself needs), an imported finding gets at most
 * 0.8 — below a complete-data finding of ours, above a partial one — scaled by that data's coverage. Without it, 0.4:
 * a recommendation nobody here can check ranks below our own measured findings.
 */
const EXTERNAL_CONFIDENCE = 0.8;
const UNEVIDENCED_CONFIDENCE = 0.4;
const MIN_HOURS_OF_EVIDENCE = 30;

/** The metric that shows a resource's load, per type: what an imported recommendation is checked against. */
const EVIDENCE_METRIC: Partial<Record<ResourceType, string>> = {
  'ec2:instance': 'CPUUtilization',
  'lambda:function': 'Duration',
  'ebs:volume': 'VolumeReadOps',
  'rds:db-instance': 'CPUUtilization',
  'ecs:service': 'CPUUtilization',
};

interface Evidence {
  confidence: number;
  series: SeriesExcerpt[];
  hours: number;
  /** Mean of the evidence series ÷ 100 when it is CPUUtilization (percent). */
  cpuFraction?: number;
}

function metricEvidence(type: ResourceType, all: readonly MetricSeries[], context: RuleContext): Evidence | undefined {
  const metric = EVIDENCE_METRIC[type];
  const found = metric === undefined ? undefined : findSeries(all, metric, ['Average', 'Maximum', 'Sum']);
  if (!found) return undefined;
  const window = windowSeries(found, context.now, context.lookbackDays);
  const hours = (window.values.length * found.periodSec) / 3600;
  if (hours < MIN_HOURS_OF_EVIDENCE) return undefined;
  return {
    confidence: Math.min(EXTERNAL_CONFIDENCE, dataConfidence(window.coverage, window.daysObserved, context.lookbackDays)),
    series: [excerpt(found.metricName, found.stat, found.unit ?? '', window.timestamps, window.values)],
    hours,
    ...(metric === 'CPUUtilization' ? { cpuFraction: window.values.reduce((a, b) => a + b, 0) / window.values.length / 100 } : {}),
  };
}

/**
 * Carbon saved by an EC2 type change (carbon/estimate.ts, in the resource's region): the current type's compute at
 * utilisation u less the proposed type's doing the same work,
 *
 *   saved = compute(current, u) − compute(proposed, min(1, u × vCPU current ÷ vCPU proposed))
 *
 * u = our own mean CPUUtilization when collected, else CCF's 50 %. 0 for other changes, or types missing from the
 * catalogue. Example: m5.xlarge → m5.large at 12 % in us-east-1: (4.285 W + 16 GiB − 2.805 W − 8 GiB) ≈ 0.00462 kWh/h ≈ 1.45 kg a month.
 */
function ec2CarbonSaved(resource: Resource, current: Record<string, unknown>, proposed: Record<string, unknown>, cpuFraction: number | undefined, context: RuleContext): number {
  if (resource.type !== 'ec2:instance' || typeof current.instanceType !== 'string' || typeof proposed.instanceType !== 'string') return 0;
  const from = context.prices.ec2Spec(current.instanceType);
  const to = context.prices.ec2Spec(proposed.instanceType);
  if (!from?.vcpu || !from.memoryGiB || !to?.vcpu || !to.memoryGiB) return 0;
  const u = cpuFraction ?? CCF_AVERAGE_CPU_FRACTION;
  return (
    computeKgCo2ePerMonth(resource.region, from.vcpu, from.memoryGiB, u, from.architecture) -
    computeKgCo2ePerMonth(resource.region, to.vcpu, to.memoryGiB, Math.min(1, (u * from.vcpu) / to.vcpu), to.architecture)
  );
}

/**
 * For an EC2 type change, the instance's architecture (its AMI's, from the inventory, else the current type's) and the
 * proposed type's: a move across architectures needs a rebuilt AMI, so it is a migration with no executor.
 */
function architectures(resource: Resource, current: Record<string, unknown>, proposed: Record<string, unknown>, context: RuleContext) {
  if (resource.type !== 'ec2:instance' || typeof proposed.instanceType !== 'string') return undefined;
  const config = readConfig(resource, 'ec2:instance');
  const from = config.architecture ?? (typeof current.instanceType === 'string' ? context.prices.ec2Spec(current.instanceType)?.architecture : undefined);
  const to = context.prices.ec2Spec(proposed.instanceType)?.architecture;
  return { from, to, crosses: from !== undefined && to !== undefined && from !== to };
}

const DOMAIN_BY_TYPE: Partial<Record<ResourceType, Domain>> = {
  'ec2:instance': 'compute',
  'ebs:volume': 'storage',
  'lambda:function': 'serverless',
  'rds:db-instance': 'database',
  'ecs:service': 'compute',
  'autoscaling:group': 'compute',
};

/**
 * How a group's change is made, named in `proposed.change`: an Auto Scaling group's instance type lives in its launch
 * template (or the overrides of its mixed-instances policy) and reaches the members by an instance refresh; an ECS
 * service's task size lives in a new task definition revision the service is updated to. Neither has an executor
 * here, so neither gets Approve.
 */
const GROUP_CHANGE: Partial<Record<ResourceType, string>> = {
  'autoscaling:group': 'launch-template-or-mixed-instances-policy',
  'ecs:service': 'task-definition-revision',
};

/** The executor that can apply the proposed change, when one of ours matches the proposed keys. */
function executorFor(type: ResourceType, proposed: Record<string, unknown>): string | null {
  if (type === 'ec2:instance' && typeof proposed.instanceType === 'string') return 'ec2-instance-type';
  if (type === 'lambda:function' && typeof proposed.memoryMb === 'number') return 'lambda-memory';
  return null;
}

function ruleIdFor(source: ExternalRecommendation['source']): string {
  return `external/${source}`;
}

/**
 * Turns external recommendations on a resource (Compute Optimizer, and the same shape from Cost Optimization Hub or
 * Trusted Advisor) into findings with ruleId 'external/<source>', so prioritisation de-duplicates them against ours.
 * Takes the source's first (best-ranked) option; skips options that save nothing. Confidence needs metric evidence
 * (see EXTERNAL_CONFIDENCE); an EC2 move across architectures is a migration (effort high, no executor). Carbon: an
 * EC2 type change's (ec2CarbonSaved); other changes carry no figure the source states, so 0.
 *
 * Groups are one action each: an Auto Scaling group's or ECS service's recommendation becomes one finding on the group
 * (GROUP_CHANGE, no executor, restart required: members or tasks are replaced), and a member instance of an Auto
 * Scaling group gets none of its own — resizing one member is undone the next time the group replaces it, and the
 * group's finding already counts the members' savings.
 */
export function ingestExternalRecommendations(slice: ResourceSlice, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const type = slice.resource.type;
  if (type === 'ec2:instance' && readConfig(slice.resource, 'ec2:instance').autoScalingGroup !== undefined) return findings;
  const groupChange = GROUP_CHANGE[type];
  const evidence = metricEvidence(type, slice.series, context);
  for (const rec of slice.recommendations) {
    const option = rec.options[0];
    if (!option || option.monthlySavingsUsd <= 0) continue;
    const arch = architectures(slice.resource, rec.current, option.proposed, context);
    const current = arch?.from === undefined ? rec.current : { ...rec.current, architecture: arch.from };
    const proposed = {
      ...option.proposed,
      ...(arch?.to === undefined ? {} : { architecture: arch.to }),
      ...(groupChange === undefined ? {} : { change: groupChange }),
    };
    const executor = arch?.crosses ? null : executorFor(type, option.proposed);
    findings.push(
      buildFinding({
        ruleId: ruleIdFor(rec.source),
        domain: DOMAIN_BY_TYPE[type] ?? 'compute',
        resource: slice.resource,
        current,
        proposed,
        monthlySavingsUsd: option.monthlySavingsUsd,
        performanceRisk: option.performanceRisk,
        confidence: evidence?.confidence ?? UNEVIDENCED_CONFIDENCE,
        effort: arch?.crosses ? 'high' : executor ? 'low' : 'medium',
        restartRequired: type === 'ec2:instance' || type === 'rds:db-instance' || groupChange !== undefined,
        reversible: true,
        evidence: {
          statistics: {
            externalFinding: rec.finding,
            optionsOffered: rec.options.length,
            hoursOfOwnMetrics: evidence === undefined ? 0 : Math.round(evidence.hours),
          },
          quantiles: {},
          series: evidence?.series ?? [],
          sources: evidence === undefined ? [rec.source] : [rec.source, 'cloudwatch'],
        },
        automation: { executor },
        carbonKgCo2eMonthly: ec2CarbonSaved(slice.resource, rec.current, option.proposed, evidence?.cpuFraction, context),
      }),
    );
  }
  return findings;
}

/** The rule id ingested Compute Optimizer findings carry. */
export const COMPUTE_OPTIMIZER_RULE_ID = ruleIdFor('compute-optimizer');
