import type { Rule } from '../rule.js';
import type { Finding } from '../../types/action.js';
import type { MetricSeries, Resource } from '../../types/snapshot.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { computeKgCo2ePerMonth } from '../../carbon/estimate.js';
import { readConfig } from '../support/read-config.js';
import { findSeries, MS_PER_DAY, windowSeries } from '../support/series-window.js';
import { excerpt } from '../support/downsample.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { dataConfidence } from '../support/confidence.js';
import { environmentTag, isNonProduction } from '../support/environment.js';
import { dbClassSpec } from '../rds/instance-class.js';
import { offHoursSchedule, type OffHoursSchedule } from './hourly-profile.js';

const RULE_ID = 'schedule/off-hours';
/** Two whole weeks, so both weekends are seen. */
const WINDOW_DAYS = 14;
/** An hour is idle at a mean CPU ≤ 10 %: Trusted Advisor's "Low Utilization Amazon EC2 Instances" CPU level. */
const MAX_IDLE_HOUR_CPU_PERCENT = 10;
/**
 * At least a weekend's worth (48 of 168 hours) must be off: a shorter schedule saves less than the weekend alone and
 * every stop/start cycle is a chance for someone to find the resource down.
 */
const MIN_OFF_HOURS_PER_WEEK = 48;
/** The off hours must have been seen: an hour without a datapoint may mean the resource is already stopped then. */
const MIN_OFF_HOURS_OBSERVED = 0.9;
/** Opt-out: a resource tagged `headroom:schedule=off` is never proposed a schedule. */
export const OPT_OUT_TAG = 'headroom:schedule';
/** CCF's assumed average CPU utilisation when none is measured (AVG_CPU_UTILIZATION_2020 = 50 %). */
const CCF_DEFAULT_CPU_FRACTION = 0.5;

const HOURS_PER_WEEK = 168;

/** Whether the resource may be scheduled at all: tagged non-production, not opted out. */
function schedulable(resource: Resource): boolean {
  return isNonProduction(resource.tags) && resource.tags[OPT_OUT_TAG]?.trim().toLowerCase() !== 'off';
}

/** The 14 whole UTC days before the one `now` falls in (a partial day would look idle at night). */
function windowEnd(now: number): number {
  return Math.floor(now / MS_PER_DAY) * MS_PER_DAY - 1;
}

interface Profiled {
  schedule: OffHoursSchedule;
  offShare: number;
  confidence: number;
}

/** The schedule of one activity series, or undefined when it does not qualify (see the rules' doc comments). */
function profile(series: MetricSeries, now: number, reduce: 'mean' | 'max', isActive: (value: number) => boolean): Profiled | undefined {
  const windowed = windowSeries(series, windowEnd(now), WINDOW_DAYS);
  if (windowed.daysObserved < WINDOW_DAYS) return undefined;
  const schedule = offHoursSchedule(windowed.timestamps, windowed.values, windowEnd(now) - WINDOW_DAYS * MS_PER_DAY + 1, WINDOW_DAYS, reduce, isActive);
  if (!schedule || schedule.offHoursPerWeek < MIN_OFF_HOURS_PER_WEEK || schedule.offHoursObservedShare < MIN_OFF_HOURS_OBSERVED) return undefined;
  return {
    schedule,
    offShare: schedule.offHoursPerWeek / HOURS_PER_WEEK,
    confidence: roundTo(dataConfidence(windowed.coverage, windowed.daysObserved, WINDOW_DAYS) * schedule.fit, 2),
  };
}

/** The statistics both rules report about the schedule. */
function scheduleStatistics(resource: Resource, p: Profiled): Record<string, number | string> {
  return {
    environmentTag: environmentTag(resource.tags) ?? '',
    offHoursPerWeek: p.schedule.offHoursPerWeek,
    offShare: roundTo(p.offShare, 3),
    scheduleFit: roundTo(p.schedule.fit, 3),
    offHoursObservedShare: roundTo(p.schedule.offHoursObservedShare, 3),
    offHoursMeanActivity: roundTo(p.schedule.offHoursMean, 2),
    windowDays: WINDOW_DAYS,
    minOffHoursPerWeek: MIN_OFF_HOURS_PER_WEEK,
  };
}

/** The schedule as the action proposes it, e.g. "Mon–Fri 08:00–20:00 UTC, Sat–Sun off", and its on windows (`null` = off all day). */
function proposedSchedule(s: OffHoursSchedule): Finding['proposed'] {
  const part = (days: string, w: OffHoursSchedule['weekdays']): string => `${days} ${w === null ? 'off' : w.hours === 24 ? 'on' : `${w.start}–${w.stop} UTC`}`;
  return { schedule: `${part('Mon–Fri', s.weekdays)}, ${part('Sat–Sun', s.weekends)}`, onHoursUtc: { weekdays: s.weekdays, weekends: s.weekends }, optOutTag: `${OPT_OUT_TAG}=off` };
}

/**
 * Off-hours schedule for a non-production EC2 instance: running, tagged dev/test/staging... (support/environment.ts),
 * not an Auto Scaling group member (the group would replace a stopped instance), not Spot (a Spot instance stops only
 * under a persistent request), not tagged `headroom:schedule=off`. Over the 14 whole UTC days before now (every one of
 * them observed), each hour is active when its mean `CPUUtilization` is above 10 % (Trusted Advisor's low-utilisation
 * level). The proposed schedule keeps the instance on in the hours of the day that were active on any weekday (and,
 * separately, any weekend day) — the smallest window, possibly across midnight, leaving the longest idle gap off — so
 * no active hour of the last two weeks would have been stopped (hourly-profile.ts). Flagged when the schedule is off
 * ≥ 48 h a week and ≥ 90 % of the off hours had data.
 *
 *   savings = on-demand hourly × 730 × offHoursPerWeek / 168
 *
 * Attached EBS volumes keep billing while the instance is stopped and are not counted. Confidence = data confidence ×
 * fit, fit = active hours ÷ observed hours inside the schedule (1 when every day used its whole window: the idle
 * windows were consistent). Risk 1 (someone working late finds it stopped; it restarts in minutes). No executor.
 */
export const offHoursEc2: Rule = {
  id: RULE_ID,
  domain: 'compute',
  resourceType: 'ec2:instance',
  summary: 'Stop a non-production EC2 instance outside its observed active hours (hourly CPU ≤ 10 % outside them for 14 days, ≥ 48 h off a week); opt out with headroom:schedule=off.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ec2:instance');
    if (config.state !== 'running' || config.autoScalingGroup !== undefined || config.lifecycle === 'spot') return [];
    if (!schedulable(slice.resource)) return [];
    const cpuSeries = findSeries(slice.series, 'CPUUtilization', ['Average']);
    if (!cpuSeries) return [];
    const p = profile(cpuSeries, context.now, 'mean', (cpu) => cpu > MAX_IDLE_HOUR_CPU_PERCENT);
    if (!p) return [];

    const hourly = context.prices.ec2HourlyUsd(config.instanceType);
    const spec = context.prices.ec2Spec(config.instanceType);
    const carbon = spec?.vcpu && spec.memoryGiB ? computeKgCo2ePerMonth(slice.resource.region, spec.vcpu, spec.memoryGiB, p.schedule.offHoursMean / 100, spec.architecture) * p.offShare : 0;
    const cpu = windowSeries(cpuSeries, windowEnd(context.now), WINDOW_DAYS);
    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'compute',
        resource: slice.resource,
        current: { state: 'running', schedule: 'always on', instanceType: config.instanceType },
        proposed: proposedSchedule(p.schedule),
        monthlySavingsUsd: hourly === undefined ? 0 : hourly * HOURS_PER_MONTH * p.offShare,
        performanceRisk: 1,
        confidence: p.confidence,
        effort: 'low',
        restartRequired: true,
        reversible: true,
        evidence: {
          statistics: {
            ...scheduleStatistics(slice.resource, p),
            thresholdIdleHourCpuPercent: MAX_IDLE_HOUR_CPU_PERCENT,
            ebsKeepsBilling: true,
            ...(hourly === undefined ? { priceKnown: false } : { currentUsdPerHour: hourly }),
          },
          quantiles: {},
          series: [excerpt('CPUUtilization', cpuSeries.stat, cpuSeries.unit ?? 'Percent', cpu.timestamps, cpu.values, 'mean')],
          sources: ['cloudwatch', 'tags', 'trusted-advisor-definition', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};

/**
 * Off-hours schedule for a non-production RDS DB instance: available, tagged non-production, not tagged
 * `headroom:schedule=off`, not a read replica and not an Aurora / Multi-AZ DB cluster member (StopDBInstance does not
 * apply to those). Each hour of the 14 whole UTC days before now is active when `DatabaseConnections` (Maximum) was
 * above 0 (Trusted Advisor's idle DB instance: no connection); the schedule is built as for EC2 (hourly-profile.ts).
 *
 *   savings = hourly(class, engine, Multi-AZ) × 730 × offHoursPerWeek / 168
 *
 * Storage (and backups) keep billing while stopped and are not counted. RDS starts a stopped instance by itself after
 * 7 days (StopDBInstance, Amazon RDS API Reference: "The instance restarts automatically after 7 days"): a nightly and
 * weekend schedule never reaches that, but the scheduler must start it on its own schedule, not rely on it staying
 * stopped. Confidence as for EC2; risk 1; effort medium (applications must reconnect after each start). No executor.
 */
export const offHoursRds: Rule = {
  id: RULE_ID,
  domain: 'database',
  resourceType: 'rds:db-instance',
  summary: 'Stop a non-production RDS instance outside its observed active hours (no connection outside them for 14 days, ≥ 48 h off a week); opt out with headroom:schedule=off.',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'rds:db-instance');
    if (config.status !== 'available' || config.readReplicaSource !== undefined || config.dbClusterId !== undefined) return [];
    if (!schedulable(slice.resource)) return [];
    const connectionsSeries = findSeries(slice.series, 'DatabaseConnections', ['Maximum', 'Average', 'Sum']);
    if (!connectionsSeries) return [];
    const p = profile(connectionsSeries, context.now, 'max', (connections) => connections > 0);
    if (!p) return [];

    const hourly = context.prices.rdsHourlyUsd(config.instanceClass, config.engine, config.multiAz);
    const cpuSeries = findSeries(slice.series, 'CPUUtilization', ['Average']);
    const cpu = cpuSeries ? windowSeries(cpuSeries, windowEnd(context.now), WINDOW_DAYS).values : [];
    const cpuFraction = cpu.length > 0 ? cpu.reduce((a, b) => a + b, 0) / cpu.length / 100 : CCF_DEFAULT_CPU_FRACTION;
    const spec = dbClassSpec(context.prices, config.instanceClass);
    const copies = config.multiAz ? 2 : 1;
    const carbon = spec?.vcpu && spec.memoryGiB ? computeKgCo2ePerMonth(slice.resource.region, spec.vcpu, spec.memoryGiB, cpuFraction, spec.architecture) * copies * p.offShare : 0;
    const connections = windowSeries(connectionsSeries, windowEnd(context.now), WINDOW_DAYS);
    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'database',
        resource: slice.resource,
        current: { status: 'available', schedule: 'always on', instanceClass: config.instanceClass, engine: config.engine, multiAz: config.multiAz },
        proposed: proposedSchedule(p.schedule),
        monthlySavingsUsd: hourly === undefined ? 0 : hourly * HOURS_PER_MONTH * p.offShare,
        performanceRisk: 1,
        confidence: p.confidence,
        effort: 'medium',
        restartRequired: true,
        reversible: true,
        evidence: {
          statistics: {
            ...scheduleStatistics(slice.resource, p),
            thresholdIdleHourConnections: 0,
            storageKeepsBilling: true,
            autoRestartAfterStoppedDays: 7,
            ...(hourly === undefined ? { priceKnown: false } : { currentUsdPerHour: roundTo(hourly, 4) }),
          },
          quantiles: {},
          series: [excerpt('DatabaseConnections', connectionsSeries.stat, connectionsSeries.unit ?? 'Count', connections.timestamps, connections.values)],
          sources: ['cloudwatch', 'rds-config', 'tags', 'aws-rds-stop-db-instance', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: carbon,
      }),
    ];
  },
};
