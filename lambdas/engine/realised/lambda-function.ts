import { HOURS_PER_MONTH } from '../pricing/price-book.js';
import { findSeries } from '../rules/support/series-window.js';
import { LambdaConfigSchema, type MetricSeries } from '../types/snapshot.js';
import type { CostComparison, CostModel } from './realised-savings.js';
import { pointsBetween } from './usage-windows.js';

const MS_PER_HOUR = 3_600_000;

/** Invocations and invocation-weighted duration of a window: Σ(avg duration × invocations) over matching timestamps. */
function usage(duration: MetricSeries, invocations: MetricSeries, from: number, to: number): { invocations: number; durationMs: number } {
  const durations = pointsBetween(duration, from, to);
  const byTime = new Map<number, number>();
  durations.timestamps.forEach((t, i) => byTime.set(t, durations.values[i]));
  const calls = pointsBetween(invocations, from, to);
  let count = 0;
  let durationMs = 0;
  calls.timestamps.forEach((t, i) => {
    const avg = byTime.get(t);
    if (avg === undefined) return;
    count += calls.values[i];
    durationMs += avg * calls.values[i];
  });
  return { invocations: count, durationMs };
}

/**
 * Lambda bills GB-seconds. Each window gives the mean billed duration per invocation (Σ avg Duration × Invocations ÷
 * Σ Invocations); the cost per invocation is duration × memory/1024 × $/GB-s of the architecture. Both are applied
 * to the AFTER window's invocation rate, so a change in traffic is not counted as savings:
 *   monthly cost = (mean ms / 1000) × (memory MB / 1024) × $/GB-s × invocations per hour after × 730
 * Request charges are the same either side and cancel out.
 */
export const realisedLambdaFunction: CostModel = (input, windows, prices): CostComparison | string => {
  const memoryBefore = input.action.current.memoryMb;
  if (typeof memoryBefore !== 'number') return 'the action does not record the memory size it started from';
  if (!input.resource) return 'the function no longer exists';
  const config = LambdaConfigSchema.safeParse(input.resource.config);
  if (!config.success) return 'the inventory has no valid configuration for the function';
  // The recorded architecture wins: a combined memory + arm64 action records x86_64 before and must keep that saving.
  const recorded = input.action.current.architecture;
  const architectureBefore = recorded === 'arm64' || recorded === 'x86_64' ? recorded : config.data.architecture;
  const duration = findSeries(input.series, 'Duration', ['Average']);
  const invocations = findSeries(input.series, 'Invocations', ['Sum']);
  if (!duration || !invocations) return 'no Duration (Average) and Invocations (Sum) series';
  const before = usage(duration, invocations, windows.before.from, windows.before.to);
  const after = usage(duration, invocations, windows.after.from, windows.after.to);
  if (before.invocations === 0 || after.invocations === 0) return 'no invocations in one of the windows';
  const monthlyInvocations = (after.invocations / ((windows.after.to - windows.after.from) / MS_PER_HOUR)) * HOURS_PER_MONTH;
  const perInvocationUsd = (durationMs: number, memoryMb: number, architecture: 'x86_64' | 'arm64') =>
    (durationMs / 1000) * (memoryMb / 1024) * prices.lambdaGbSecondUsd(architecture);
  const meanBefore = before.durationMs / before.invocations;
  const meanAfter = after.durationMs / after.invocations;
  return {
    beforeMonthlyUsd: perInvocationUsd(meanBefore, memoryBefore, architectureBefore) * monthlyInvocations,
    afterMonthlyUsd: perInvocationUsd(meanAfter, config.data.memoryMb, config.data.architecture) * monthlyInvocations,
    method: 'GB-seconds per invocation × invocations after',
    basis: {
      memoryMbBefore: memoryBefore,
      memoryMbAfter: config.data.memoryMb,
      architectureBefore,
      architectureAfter: config.data.architecture,
      meanDurationMsBefore: Math.round(meanBefore * 10) / 10,
      meanDurationMsAfter: Math.round(meanAfter * 10) / 10,
      monthlyInvocations: Math.round(monthlyInvocations),
    },
  };
};
