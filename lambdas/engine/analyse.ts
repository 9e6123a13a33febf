import type { Finding } from './types/action.js';
import type { Prices, Snapshot } from './types/snapshot.js';
import type { ResourceSlice, Rule, RuleContext } from './rules/rule.js';
import { createPriceBook } from './pricing/price-book.js';
import { rules as defaultRules, ingestExternalRecommendations } from './rules/index.js';
import { hasTypedConfig, readConfig } from './rules/support/read-config.js';

export { ResourceConfigError } from './rules/support/read-config.js';

/** Settings that cannot be analysed with (negative headroom, a lookback of zero days, a clock that is not a number). */
export class RuleContextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleContextError';
  }
}

/** A rule that threw on a resource: names both, keeps the cause. */
export class RuleEvaluationError extends Error {
  constructor(readonly ruleId: string, readonly resourceArn: string, cause: unknown) {
    super(`rule ${ruleId} failed on ${resourceArn}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'RuleEvaluationError';
  }
}

export const DEFAULT_HEADROOM_PERCENT = 20;
export const DEFAULT_LOOKBACK_DAYS = 14;

/** Builds the context rules run with; `now` is the evaluation time (for a snapshot: its collectedAt). */
export function createRuleContext(options: { now: number; prices?: Prices; headroomPercent?: number; lookbackDays?: number }): RuleContext {
  const headroomPercent = options.headroomPercent ?? DEFAULT_HEADROOM_PERCENT;
  const lookbackDays = options.lookbackDays ?? DEFAULT_LOOKBACK_DAYS;
  if (!Number.isFinite(options.now)) throw new RuleContextError(`now must be epoch milliseconds, got ${options.now}.`);
  if (!(headroomPercent >= 0 && headroomPercent <= 1000)) throw new RuleContextError(`headroomPercent must be within 0–1000, got ${headroomPercent}.`);
  if (!(lookbackDays > 0 && lookbackDays <= 400)) throw new RuleContextError(`lookbackDays must be within 1–400, got ${lookbackDays}.`);
  return { now: options.now, prices: createPriceBook(options.prices), headroomPercent, lookbackDays };
}

/**
 * Splits a snapshot into one slice per resource with its series and external recommendations (resource order kept).
 * Series and recommendations whose arn names no resource of the snapshot are not analysed (nothing to attach them to).
 */
export function sliceSnapshot(snapshot: Snapshot): ResourceSlice[] {
  const slices = new Map<string, ResourceSlice>();
  for (const resource of snapshot.resources) slices.set(resource.arn, { resource, series: [], recommendations: [] });
  for (const series of snapshot.series) slices.get(series.resourceArn)?.series.push(series);
  for (const rec of snapshot.recommendations) slices.get(rec.resourceArn)?.recommendations.push(rec);
  return [...slices.values()];
}

/**
 * Runs every rule whose resourceType matches each slice, plus the ingestion of external recommendations. A typed
 * config is validated first (snapshot.ts `configSchemaByType`): a bad one throws ResourceConfigError naming the arn.
 * Findings come out in slice order, then rule order: deterministic for a given input.
 */
export function analyseResources(slices: ResourceSlice[], context: RuleContext, ruleSet: readonly Rule[] = defaultRules): Finding[] {
  const rulesByType = new Map<string, Rule[]>();
  for (const rule of ruleSet) rulesByType.set(rule.resourceType, [...(rulesByType.get(rule.resourceType) ?? []), rule]);
  const findings: Finding[] = [];
  for (const slice of slices) {
    const { resource } = slice;
    const parsed: ResourceSlice = hasTypedConfig(resource.type)
      ? { ...slice, resource: { ...resource, config: readConfig(resource, resource.type) as Record<string, unknown> } }
      : slice;
    for (const rule of rulesByType.get(resource.type) ?? []) {
      let produced: Finding[];
      try {
        produced = rule.evaluate(parsed, context);
      } catch (error) {
        throw new RuleEvaluationError(rule.id, resource.arn, error);
      }
      for (const finding of produced) findings.push(finding);
    }
    if (slice.recommendations.length > 0) findings.push(...ingestExternalRecommendations(parsed, context));
  }
  return findings;
}
