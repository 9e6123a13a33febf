import type { Domain, Finding } from '../../types/action.js';
import type { ExternalRecommendation, ResourceType } from '../../types/snapshot.js';
import type { ResourceSlice, RuleContext } from '../rule.js';
import { buildFinding } from '../support/build-finding.js';

/**
 * Compute Optimizer does not publish a confidence; its recommendations need ≥ 30 hours of data and use 14 days by
 * default, so we give them a fixed 0.8 — below a complete-data finding of ours, above a partial one.
 */
const EXTERNAL_CONFIDENCE = 0.8;

const DOMAIN_BY_TYPE: Partial<Record<ResourceType, Domain>> = {
  'ec2:instance': 'compute',
  'ebs:volume': 'storage',
  'lambda:function': 'serverless',
  'rds:db-instance': 'database',
  'ecs:service': 'compute',
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
 * Takes the source's first (best-ranked) option; skips options that save nothing.
 */
export function ingestExternalRecommendations(slice: ResourceSlice, _context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const type = slice.resource.type;
  for (const rec of slice.recommendations) {
    const option = rec.options[0];
    if (!option || option.monthlySavingsUsd <= 0) continue;
    const proposed = option.proposed;
    const executor = executorFor(type, proposed);
    findings.push(
      buildFinding({
        ruleId: ruleIdFor(rec.source),
        domain: DOMAIN_BY_TYPE[type] ?? 'compute',
        resource: slice.resource,
        current: rec.current,
        proposed,
        monthlySavingsUsd: option.monthlySavingsUsd,
        performanceRisk: option.performanceRisk,
        confidence: EXTERNAL_CONFIDENCE,
        effort: executor ? 'low' : 'medium',
        restartRequired: type === 'ec2:instance' || type === 'rds:db-instance',
        reversible: true,
        evidence: {
          statistics: { externalFinding: rec.finding, optionsOffered: rec.options.length },
          quantiles: {},
          series: [],
          sources: [rec.source],
        },
        automation: { executor },
        carbonKgCo2eMonthly: 0,
      }),
    );
  }
  return findings;
}

/** The rule id ingested Compute Optimizer findings carry. */
export const COMPUTE_OPTIMIZER_RULE_ID = ruleIdFor('compute-optimizer');
