import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { computeKgCo2ePerMonth } from '../../carbon/estimate.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, MS_PER_DAY, windowSeries } from '../support/series-window.js';
import { aggregateByUtcDay } from '../support/daily.js';
import { evidenceQuantiles } from '../support/quantiles.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { dataConfidence } from '../support/confidence.js';

const RULE_ID = 'ec2/idle-instance';
/** Trusted Advisor "Low Utilization Amazon EC2 Instances" thresholds. */
const WINDOW_DAYS = 14;
const MAX_DAILY_AVG_CPU_PERCENT = 10;
const MAX_DAILY_NETWORK_BYTES = 5 * 1_000_000;
const MIN_IDLE_DAYS = 4;

/**
 * Idle EC2 instance, Trusted Advisor's definition ("Low Utilization Amazon EC2 Instances"): an instance running in the
 * last 14 whole UTC days whose daily average CPU utilisation was ≤ 10 % and daily network I/O (NetworkIn + NetworkOut) ≤ 5 MB on
 * at least 4 of those days. Proposes stopping it.
 *
 * Savings follow Trusted Advisor's estimate: the on-demand hourly price × 730 × idleDays / observedDays (the share of
 * time the instance looks unneeded); attached EBS keeps billing while stopped and is not counted. Performance risk grows
 * with the share of busy days: busy/observed = 0 → 0, ≤ 25 % → 1, ≤ 50 % → 2, ≤ 75 % → 3, else 4. Confidence =
 * data confidence × idleDays / observedDays.
 *
 * Network bytes per period come from the Sum statistic. When only Average was collected, it is converted to an upper
 * bound of the Sum, Average × periodSec / 60: under detailed monitoring (one datapoint a minute) Average is the mean per
 * minute and would undercount the bytes up to 5× at a 5-minute period, making a busy instance look idle; under basic
 * monitoring the bound overcounts, which can only suppress a finding.
 *
 * Members of an Auto Scaling group are never flagged: the group would replace a stopped instance (and keep paying for
 * it); the group's capacity is what to change.
 */
export const idleInstance: Rule = {
  id: RULE_ID,
  domain: 'compute',
  resourceType: 'ec2:instance',
  summary: "Stop an EC2 instance idle by Trusted Advisor's definition (daily CPU ≤ 10 % and network ≤ 5 MB on ≥ 4 of 14 days).",
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ec2:instance');
    if (config.state !== 'running' || config.autoScalingGroup !== undefined) return [];
    const cpuSeries = findSeries(slice.series, 'CPUUtilization', ['Average']);
    const inSeries = findSeries(slice.series, 'NetworkIn', ['Sum', 'Average']);
    const outSeries = findSeries(slice.series, 'NetworkOut', ['Sum', 'Average']);
    if (!cpuSeries || !inSeries || !outSeries) return [];

    // Whole UTC days only: the 14 days before the one `now` falls in (a partial day would look idle).
    const windowEnd = Math.floor(context.now / MS_PER_DAY) * MS_PER_DAY - 1;
    const cpu = windowSeries(cpuSeries, windowEnd, WINDOW_DAYS);
    const cpuDays = aggregateByUtcDay(cpu.timestamps, cpu.values);
    const networkByDay = new Map<number, number>();
    for (const network of [inSeries, outSeries]) {
      const windowed = windowSeries(network, windowEnd, WINDOW_DAYS);
      const toSum = network.stat === 'Sum' ? 1 : network.periodSec / 60;
      for (const day of aggregateByUtcDay(windowed.timestamps, windowed.values)) {
        networkByDay.set(day.day, (networkByDay.get(day.day) ?? 0) + day.sum * toSum);
      }
    }
    // A day counts only when both CPU and network were reported: that is when the instance ran.
    const observed = cpuDays.filter((d) => networkByDay.has(d.day));
    const idle = observed.filter((d) => d.mean <= MAX_DAILY_AVG_CPU_PERCENT && (networkByDay.get(d.day) ?? 0) <= MAX_DAILY_NETWORK_BYTES);
    if (idle.length < MIN_IDLE_DAYS) return [];

    const hourly = context.prices.ec2HourlyUsd(config.instanceType);
    const spec = context.prices.ec2Spec(config.instanceType);
    const idleShare = idle.length / observed.length;
    const busyShare = 1 - idleShare;
    const performanceRisk = busyShare === 0 ? 0 : busyShare <= 0.25 ? 1 : busyShare <= 0.5 ? 2 : busyShare <= 0.75 ? 3 : 4;
    // Evidence quantiles over the rules' common lookback window (the same array rightsizing sorts, so it is sorted once);
    // that window can be shorter than the 14-day decision window and hold no point: then over the decision window.
    const lookback = windowSeries(cpuSeries, context.now, context.lookbackDays).values;
    const { quantiles } = evidenceQuantiles(lookback.length > 0 ? lookback : cpu.values);
    const carbon = spec?.vcpu && spec.memoryGiB ? computeKgCo2ePerMonth(slice.resource.region, spec.vcpu, spec.memoryGiB, quantiles.p50 / 100, spec.architecture) * idleShare : 0;
    const maxIdleNetwork = Math.max(...idle.map((d) => networkByDay.get(d.day) ?? 0));

    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'compute',
        resource: slice.resource,
        current: { state: 'running', instanceType: config.instanceType },
        proposed: { state: 'stopped' },
        monthlySavingsUsd: hourly === undefined ? 0 : hourly * HOURS_PER_MONTH * idleShare,
        performanceRisk,
        confidence: roundTo(dataConfidence(cpu.coverage, observed.length, WINDOW_DAYS) * idleShare, 2),
        effort: 'low',
        restartRequired: true,
        reversible: true,
        evidence: {
          statistics: {
            idleDays: idle.length,
            daysObserved: observed.length,
            windowDays: WINDOW_DAYS,
            maxIdleDayAvgCpuPercent: roundTo(Math.max(...idle.map((d) => d.mean))),
            maxIdleDayNetworkBytes: Math.round(maxIdleNetwork),
            thresholdDailyAvgCpuPercent: MAX_DAILY_AVG_CPU_PERCENT,
            thresholdDailyNetworkBytes: MAX_DAILY_NETWORK_BYTES,
            ...(hourly === undefined ? { priceKnown: false } : { currentUsdPerHour: hourly }),
          },
          quantiles,
          series: [excerpt('CPUUtilization', cpuSeries.stat, cpuSeries.unit ?? 'Percent', cpu.timestamps, cpu.values, 'mean')],
          sources: ['cloudwatch', 'trusted-advisor-definition', ...context.prices.sources],
        },
        automation: { executor: 'ec2-stop' },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};
