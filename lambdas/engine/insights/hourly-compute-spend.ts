import type { ResourceSlice, RuleContext } from '../rules/rule.js';
import type { MetricSeries } from '../types/snapshot.js';
import { readConfig } from '../rules/support/read-config.js';
import { findSeries, windowSeries } from '../rules/support/series-window.js';

/** On-demand compute spend of one account in one UTC hour, USD. */
export interface HourlySpend {
  account: string;
  /** Epoch ms of the hour's start (a multiple of 3,600,000). */
  hourStart: number;
  usd: number;
}

const MS_PER_HOUR = 3_600_000;

/**
 * The on-demand compute spend a Compute Savings Plan could cover, per account per UTC hour over the lookback window
 * `(now − lookbackDays, now]`, derived from the resources (not from Cost Explorer, whose daily EC2 line mixes in Spot
 * and cannot show the hour-by-hour shape that decides how much of a commitment is used):
 *
 *   EC2 instance (lifecycle not 'spot'/'scheduled'): an hour with ≥ 1 CPUUtilization point = the instance ran that
 *     hour;  usd(h) += on-demand $/h of its type (price book; an unpriced type contributes nothing).
 *   Lambda function:  usd(h) += Σ over the periods t in h of  Duration Average(t) ms ÷ 1000 × Invocations Sum(t)
 *     × memoryMb ÷ 1024 × $/GB-s of its architecture  (duration only: requests are not covered by the plan).
 *
 * Hours in which nothing ran have no row (zero spend). Rows are sorted by account, then hour; deterministic.
 * Example: one m5.large ($0.096/h) with CPU points in 3 hours → three rows of 0.096.
 */
export function hourlyComputeSpend(slices: ResourceSlice[], context: RuleContext): HourlySpend[] {
  // Summed in whole micro-dollars (each contribution rounded once): integer sums are exact, so an hour's total is the
  // same however resources are split into batches or regions (the workflow's batches and a scan's regions agree).
  const byAccount = new Map<string, Map<number, number>>();
  const add = (account: string, hourStart: number, usd: number) => {
    if (!(usd > 0)) return;
    let hours = byAccount.get(account);
    if (!hours) byAccount.set(account, (hours = new Map()));
    hours.set(hourStart, (hours.get(hourStart) ?? 0) + toMicroUsd(usd));
  };
  for (const slice of slices) {
    const { resource } = slice;
    if (resource.type === 'ec2:instance') {
      const config = readConfig(resource, 'ec2:instance');
      if (config.lifecycle === 'spot' || config.lifecycle === 'scheduled') continue;
      const price = context.prices.ec2HourlyUsd(config.instanceType);
      const cpu = findSeries(slice.series, 'CPUUtilization', ['Average', 'Maximum']);
      if (price === undefined || !cpu) continue;
      for (const hour of hoursWithPoints(cpu, context)) add(resource.account, hour, price);
    } else if (resource.type === 'lambda:function') {
      const config = readConfig(resource, 'lambda:function');
      const duration = findSeries(slice.series, 'Duration', ['Average']);
      const invocations = findSeries(slice.series, 'Invocations', ['Sum']);
      if (!duration || duration.stat !== 'Average' || !invocations) continue;
      const usdPerMsInvocation = (config.memoryMb / 1024 / 1000) * context.prices.lambdaGbSecondUsd(config.architecture);
      const d = windowSeries(duration, context.now, context.lookbackDays);
      const n = windowSeries(invocations, context.now, context.lookbackDays);
      // Both ascending: walk them together, pairing equal timestamps.
      let j = 0;
      for (let i = 0; i < d.timestamps.length; i++) {
        const t = d.timestamps[i];
        while (j < n.timestamps.length && n.timestamps[j] < t) j++;
        if (j < n.timestamps.length && n.timestamps[j] === t) add(resource.account, hourOf(t), d.values[i] * n.values[j] * usdPerMsInvocation);
      }
    }
  }
  const rows: HourlySpend[] = [];
  for (const account of [...byAccount.keys()].sort()) {
    const hours = byAccount.get(account)!;
    for (const hourStart of [...hours.keys()].sort((a, b) => a - b)) rows.push({ account, hourStart, usd: hours.get(hourStart)! / MICRO_USD_PER_USD });
  }
  return rows;
}

const MICRO_USD_PER_USD = 1_000_000;

/** USD as whole micro-dollars: exact integer arithmetic below 2^53 micro-dollars ($9 billion). */
export function toMicroUsd(usd: number): number {
  return Math.round(usd * MICRO_USD_PER_USD);
}

function hourOf(t: number): number {
  return Math.floor(t / MS_PER_HOUR) * MS_PER_HOUR;
}

/** Distinct UTC hours with at least one finite point inside the lookback window. */
function hoursWithPoints(series: MetricSeries, context: RuleContext): number[] {
  const w = windowSeries(series, context.now, context.lookbackDays);
  const hours: number[] = [];
  for (const t of w.timestamps) {
    const h = hourOf(t);
    if (hours[hours.length - 1] !== h) hours.push(h);
  }
  return hours;
}
