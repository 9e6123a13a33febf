import type { Effort, Finding } from '../types/action.js';
import { findingId } from '../rules/support/finding-id.js';
import { roundUsd } from '../rules/support/money.js';
import { roundKg } from '../carbon/estimate.js';

/**
 * Two findings on one resource that change different things can be applied together; their savings are then NOT the
 * sum of the parts when both act on the same price term. A combiner recognises such a pair and builds the one action
 * that makes both changes, with savings computed on the combined change.
 */
export interface Combiner {
  id: string;
  /** True when `a` and `b` (same resource) are this combiner's pair in this order. */
  matches(a: Finding, b: Finding): boolean;
  /** Savings of the combined change, USD/month (before rounding to cents). */
  savings(a: Finding, b: Finding): number;
  /** Performance risk of the combined change; default: the maximum of the two (Compute Optimizer's max over dimensions). */
  risk?(a: Finding, b: Finding): number;
}

const isRule = (finding: Finding, ruleId: string): boolean => finding.ruleId.split('+').includes(ruleId);
const stat = (finding: Finding, key: string): number | undefined => {
  const value = finding.evidence.statistics[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};

/**
 * Lambda memory size + arm64 on one function. Both scale the compute bill, which is GB-s × $/GB-s:
 *
 *   combined savings = C(m, x86) − C(m', x86) × (p_arm / p_x86)
 *
 * with C(m, x86) and C(m', x86) the memory finding's current and proposed monthly compute, and p_arm / p_x86 the arm64
 * finding's price ratio (0.8). Summing the two findings would count the arm64 discount on the memory that the resize
 * removes: sum − combined = (1 − ratio) × (C(m) − C(m')).
 */
const lambdaMemoryAndArm64: Combiner = {
  id: 'lambda-memory+arm64',
  matches: (a, b) =>
    isRule(a, 'lambda/memory-size') &&
    !isRule(a, 'lambda/arm64-candidate') &&
    isRule(b, 'lambda/arm64-candidate') &&
    !isRule(b, 'lambda/memory-size') &&
    stat(a, 'currentMonthlyComputeUsd') !== undefined &&
    stat(a, 'proposedMonthlyComputeUsd') !== undefined &&
    stat(b, 'arm64PriceRatio') !== undefined,
  savings: (a, b) => stat(a, 'currentMonthlyComputeUsd')! - stat(a, 'proposedMonthlyComputeUsd')! * stat(b, 'arm64PriceRatio')!,
};

/**
 * A Lambda timeout change (lambda/excessive-timeout, savings 0) is independent of every other change to the function:
 * it is applied alongside, and the savings are the other change's.
 */
const lambdaTimeoutAlongside: Combiner = {
  id: 'lambda-timeout-alongside',
  matches: (a, b) => a.ruleId === 'lambda/excessive-timeout' && b.resource.type === 'lambda:function' && !isRule(b, 'lambda/excessive-timeout'),
  savings: (a, b) => a.monthlySavingsUsd + b.monthlySavingsUsd,
};

/**
 * A provisioned DynamoDB table forecast to exhaust its capacity (account/insight-actions, add-capacity) that
 * dynamodb/capacity-mode moves to on demand: on demand has no provisioned ceiling, so the switch resolves the
 * exhaustion. One action: the switch's savings and its risk (the capacity risk goes away with it).
 */
const dynamoOnDemandResolvesCapacity: Combiner = {
  id: 'dynamodb-on-demand-resolves-capacity',
  matches: (a, b) => a.ruleId === 'dynamodb/capacity-mode' && a.proposed.billingMode === 'PAY_PER_REQUEST' && b.ruleId === 'account/insight-actions' && b.proposed.action === 'add-capacity',
  savings: (a) => a.monthlySavingsUsd,
  risk: (a) => a.performanceRisk,
};

const S3_LIFECYCLE_RULES = ['s3/missing-multipart-abort', 's3/noncurrent-versions', 's3/cold-data-tiering'];

/**
 * S3 lifecycle rules on one bucket (abort incomplete uploads, expire noncurrent versions, tier current objects) are
 * separate rules of one lifecycle configuration acting on disjoint bytes — incomplete parts, noncurrent versions,
 * current objects — so they are applied together and their savings add.
 */
const s3LifecycleRulesTogether: Combiner = {
  id: 's3-lifecycle-rules-together',
  matches: (a, b) => {
    const partsA = a.ruleId.split('+');
    const partsB = b.ruleId.split('+');
    return [...partsA, ...partsB].every((r) => S3_LIFECYCLE_RULES.includes(r)) && partsA.every((r) => !partsB.includes(r));
  },
  savings: (a, b) => a.monthlySavingsUsd + b.monthlySavingsUsd,
};

/** Every combiner, tried in this order on each pair. */
export const COMBINERS: readonly Combiner[] = [lambdaMemoryAndArm64, lambdaTimeoutAlongside, dynamoOnDemandResolvesCapacity, s3LifecycleRulesTogether];

const EFFORT_RANK: Readonly<Record<Effort, number>> = { low: 0, medium: 1, high: 2 };

/**
 * The finding that makes both changes. Its id hashes the combined rule ids and the constituent ids (both stable), so
 * the same pair gives the same id every run. Proposed/current are merged; confidence is the lower of the two; effort
 * the higher; restart if either restarts; reversible only if both are; the executor survives only when both name the
 * same one (else a human applies it); carbon is added (the changes are independent in energy terms); urgency and the
 * protected value are the higher of the two (protection below).
 */
export function combinePair(combiner: Combiner, a: Finding, b: Finding): Finding {
  const ruleId = [...new Set([...a.ruleId.split('+'), ...b.ruleId.split('+')])].sort().join('+');
  const parts = [a.id, b.id].sort();
  const separate = a.monthlySavingsUsd + b.monthlySavingsUsd;
  const savings = roundUsd(combiner.savings(a, b));
  return {
    id: findingId(ruleId, a.resource.arn, { combines: parts }),
    ruleId,
    domain: a.domain,
    resource: a.resource,
    current: { ...b.current, ...a.current },
    proposed: { ...b.proposed, ...a.proposed },
    monthlySavingsUsd: savings,
    performanceRisk: combiner.risk ? combiner.risk(a, b) : Math.max(a.performanceRisk, b.performanceRisk),
    confidence: Math.min(a.confidence, b.confidence),
    effort: EFFORT_RANK[a.effort] >= EFFORT_RANK[b.effort] ? a.effort : b.effort,
    restartRequired: a.restartRequired || b.restartRequired,
    reversible: a.reversible && b.reversible,
    evidence: {
      statistics: {
        ...b.evidence.statistics,
        ...a.evidence.statistics,
        combinedBy: combiner.id,
        combinedFrom: parts.join(' '),
        separateSavingsSumUsd: roundUsd(separate),
        combinedSavingsUsd: savings,
      },
      quantiles: Object.keys(a.evidence.quantiles).length > 0 ? a.evidence.quantiles : b.evidence.quantiles,
      series: [...a.evidence.series, ...b.evidence.series],
      sources: [...new Set([...a.evidence.sources, ...b.evidence.sources])],
    },
    automation: { executor: a.automation.executor === b.automation.executor ? a.automation.executor : null },
    carbonKgCo2eMonthly: roundKg(a.carbonKgCo2eMonthly + b.carbonKgCo2eMonthly),
    ...protection(a, b),
  };
}

/**
 * A combined finding still protects what either part protected (e.g. on demand resolving a capacity forecast): the
 * higher urgency and the higher protected value; nothing when neither part is a performance action.
 */
function protection(a: Finding, b: Finding): Pick<Finding, 'urgency' | 'protectedMonthlyUsd'> {
  const urgencies = [a.urgency, b.urgency].filter((u): u is number => u !== undefined);
  const protectedValues = [a.protectedMonthlyUsd, b.protectedMonthlyUsd].filter((v): v is number => v !== undefined);
  return {
    ...(urgencies.length > 0 ? { urgency: Math.max(...urgencies) } : {}),
    ...(protectedValues.length > 0 ? { protectedMonthlyUsd: Math.max(...protectedValues) } : {}),
  };
}

export interface CombinedGroup {
  findings: Finding[];
  /** Constituent findings absorbed into a combined one, keyed by the combined finding's id. */
  absorbed: Map<string, Finding[]>;
}

/**
 * Combines the composable findings of one resource until no pair matches. Pairs are tried in id order (then combiner
 * order), so the result does not depend on the input order. A constituent that was itself combined passes its own
 * constituents on, so `absorbed` always lists the original findings.
 */
export function combineComposable(group: readonly Finding[], combiners: readonly Combiner[] = COMBINERS): CombinedGroup {
  // Most resources have one finding (the hot path at 10,000 resources): nothing to combine.
  if (group.length < 2) return { findings: [...group], absorbed: new Map() };
  let findings = [...group].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const absorbed = new Map<string, Finding[]>();
  for (;;) {
    const pair = findPair(findings, combiners);
    if (!pair) return { findings, absorbed };
    const { i, j, combiner, swap } = pair;
    const [a, b] = swap ? [findings[j], findings[i]] : [findings[i], findings[j]];
    const combined = combinePair(combiner, a, b);
    absorbed.set(combined.id, [...(absorbed.get(a.id) ?? [a]), ...(absorbed.get(b.id) ?? [b])]);
    absorbed.delete(a.id);
    absorbed.delete(b.id);
    findings = [...findings.filter((_, k) => k !== i && k !== j), combined].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }
}

function findPair(findings: readonly Finding[], combiners: readonly Combiner[]): { i: number; j: number; combiner: Combiner; swap: boolean } | undefined {
  for (let i = 0; i < findings.length; i++) {
    for (let j = i + 1; j < findings.length; j++) {
      for (const combiner of combiners) {
        if (combiner.matches(findings[i], findings[j])) return { i, j, combiner, swap: false };
        if (combiner.matches(findings[j], findings[i])) return { i, j, combiner, swap: true };
      }
    }
  }
  return undefined;
}
