// Small in-test fixture builders for rule tests (not a test file itself).
import type { MetricSeries, Resource, ResourceType } from '../../../lambdas/engine/types/snapshot.js';
import type { ResourceSlice, RuleContext } from '../../../lambdas/engine/rules/rule.js';
import { createRuleContext } from '../../../lambdas/engine/analyse.js';

/** Evaluation time of every fixture: 2026-11-15T00:00:00Z. */
export const NOW = Date.UTC(2026, 10, 15);
export const DAY_MS = 86_400_000;

export function context(overrides: Partial<Parameters<typeof createRuleContext>[0]> = {}): RuleContext {
  return createRuleContext({ now: NOW, ...overrides });
}

export function resource(type: ResourceType, name: string, config: Record<string, unknown>, region = 'us-east-1'): Resource {
  return {
    arn: `arn:aws:${type.split(':')[0]}:${region}:123456789012:${type.split(':')[1]}/${name}`,
    type,
    account: '123456789012',
    region,
    name,
    tags: {},
    config,
  };
}

/**
 * A series ending at NOW: `days` days of points every `periodSec`, value = fn(index, timestamp).
 * Return NaN from fn to leave a gap.
 */
export function series(
  arn: string,
  metricName: string,
  stat: string,
  fn: (index: number, timestamp: number) => number,
  options: { days?: number; periodSec?: number; unit?: string; namespace?: string } = {},
): MetricSeries {
  const periodSec = options.periodSec ?? 300;
  const count = Math.round(((options.days ?? 14) * 86_400) / periodSec);
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = NOW - (count - 1 - i) * periodSec * 1000;
    const v = fn(i, t);
    if (Number.isNaN(v)) continue;
    timestamps.push(t);
    values.push(v);
  }
  return { resourceArn: arn, namespace: options.namespace ?? 'AWS/EC2', metricName, stat, unit: options.unit, periodSec, timestamps, values };
}

export function slice(res: Resource, seriesList: MetricSeries[] = []): ResourceSlice {
  return { resource: res, series: seriesList, recommendations: [] };
}

/** A deterministic pseudo-random sequence in [0, 1) (LCG), so fixtures are noisy but reproducible. */
export function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
