import type { Action } from '../types/action.js';
import type { MetricSeries, Resource } from '../types/snapshot.js';
import type { PriceBook } from '../pricing/price-book.js';
import { usageWindows, type UsageWindows } from './usage-windows.js';
import { realisedEbsVolume } from './ebs-volume.js';
import { realisedEc2Instance } from './ec2-instance.js';
import { realisedLambdaFunction } from './lambda-function.js';
import { realisedDynamoDbTable } from './dynamodb-table.js';
import { realisedLogGroup } from './log-group.js';

/** What was measured for an applied action, stored beside its estimate. */
export interface RealisedSavings {
  actionId: string;
  ruleId: string;
  resourceArn: string;
  estimatedMonthlyUsd: number;
  /** Monthly cost before minus monthly cost after, both from observed usage and configuration (see `method`). */
  realisedMonthlyUsd: number;
  /** How it was measured, e.g. 'running-hours × hourly price'. */
  method: string;
  /** The observed figures behind the number (costs before/after, coverage, invocation rates…). */
  basis: Record<string, number | string>;
  appliedAt: string;
  measuredAt: string;
}

export type RealisedMeasurement = { measured: true; savings: RealisedSavings } | { measured: false; reason: string };

export interface RealisedSavingsInput {
  action: Action;
  /** When the change was applied (the apply workflow's 'applied' audit record), epoch ms. */
  appliedAt: number;
  now: number;
  /** The resource as the latest inventory has it; undefined when it no longer exists. */
  resource: Resource | undefined;
  /** Its metric series, covering both windows (collected daily with a 14-day lookback). */
  series: readonly MetricSeries[];
}

/** Monthly cost before and after a change, from one resource type's usage model. */
export interface CostComparison {
  beforeMonthlyUsd: number;
  afterMonthlyUsd: number;
  method: string;
  basis: Record<string, number | string>;
}

export type CostModel = (input: RealisedSavingsInput, windows: UsageWindows, prices: PriceBook) => CostComparison | string;

const MODELS: Partial<Record<Resource['type'], CostModel>> = {
  'ebs:volume': realisedEbsVolume,
  'ec2:instance': realisedEc2Instance,
  'lambda:function': realisedLambdaFunction,
  'dynamodb:table': realisedDynamoDbTable,
  'logs:log-group': realisedLogGroup,
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Realised savings = monthly cost before − monthly cost after, measured on the resource's own usage in two windows of
 * equal length either side of the change (usage-windows.ts), priced with the same price book as the estimate so that
 * the comparison isolates what the change did. Returns the reason when it cannot be measured (no model for the type,
 * no usage in a window).
 */
export function measureRealisedSavings(input: RealisedSavingsInput, prices: PriceBook): RealisedMeasurement {
  const model = MODELS[input.action.resource.type];
  if (!model) return { measured: false, reason: `no usage model for ${input.action.resource.type} yet` };
  const windows = usageWindows(input.appliedAt, input.now);
  if (!windows) return { measured: false, reason: 'the change has not settled yet' };
  const comparison = model(input, windows, prices);
  if (typeof comparison === 'string') return { measured: false, reason: comparison };
  return {
    measured: true,
    savings: {
      actionId: input.action.id,
      ruleId: input.action.ruleId,
      resourceArn: input.action.resource.arn,
      estimatedMonthlyUsd: round2(input.action.monthlySavingsUsd),
      realisedMonthlyUsd: round2(comparison.beforeMonthlyUsd - comparison.afterMonthlyUsd),
      method: comparison.method,
      basis: { beforeMonthlyUsd: round2(comparison.beforeMonthlyUsd), afterMonthlyUsd: round2(comparison.afterMonthlyUsd), ...comparison.basis },
      appliedAt: new Date(input.appliedAt).toISOString(),
      measuredAt: new Date(input.now).toISOString(),
    },
  };
}
