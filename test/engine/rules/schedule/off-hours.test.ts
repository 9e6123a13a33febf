import { describe, expect, it } from 'vitest';
import { offHoursEc2, offHoursRds } from '../../../../lambdas/engine/rules/schedule/off-hours.js';
import { idleInstance } from '../../../../lambdas/engine/rules/ec2/idle-instance.js';
import { dedupeByResource } from '../../../../lambdas/engine/prioritise/dedupe.js';
import { describeAction } from '../../../../lambdas/notify/format/describe-action.js';
import { context, resource, series, slice } from '../fixtures.js';

// NOW (fixtures.ts) is Sunday 2026-11-15 00:00 UTC: the window is Sun 1 – Sat 14 November, two full weekends.
const hourOf = (t: number) => new Date(t).getUTCHours();
const isWeekend = (t: number) => [0, 6].includes(new Date(t).getUTCDay());
/** Active on weekdays from `from` to `to` (UTC hours, may wrap midnight), idle otherwise. */
const workingHours = (from: number, to: number) => (t: number) => {
  const h = hourOf(t);
  return !isWeekend(t) && (from < to ? h >= from && h < to : h >= from || h < to);
};

const instance = (tags: Record<string, string> = { env: 'dev' }, config: Record<string, unknown> = {}) => ({
  ...resource('ec2:instance', 'i-0dev', { instanceType: 'm5.large', state: 'running', ...config }),
  tags,
});
const cpu = (arn: string, fn: (t: number) => number, days = 15) => series(arn, 'CPUUtilization', 'Average', (_, t) => fn(t), { unit: 'Percent', days });
const officeCpu = (arn: string, idle = 2) => cpu(arn, (t) => (workingHours(8, 20)(t) ? 40 : idle));
const ec2 = (res: ReturnType<typeof instance>, list = [officeCpu(res.arn)]) => offHoursEc2.evaluate(slice(res, list), context());

describe('schedule/off-hours on EC2', () => {
  it('proposes weekdays 08:00–20:00 UTC for a dev instance busy only in office hours, saving the off share of its price', () => {
    const res = instance();
    const [finding] = ec2(res);
    expect(finding.proposed.schedule).toBe('Mon–Fri 08:00–20:00 UTC, Sat–Sun off');
    expect(finding.proposed.optOutTag).toBe('headroom:schedule=off');
    // off = 5 × 12 + 2 × 24 = 108 h of 168
    expect(finding.evidence.statistics.offHoursPerWeek).toBe(108);
    const hourly = context().prices.ec2HourlyUsd('m5.large') ?? Number.NaN;
    expect(finding.monthlySavingsUsd).toBeCloseTo((hourly * 730 * 108) / 168, 2);
    expect(finding.confidence).toBe(1);
    expect(finding.domain).toBe('compute');
    expect(finding.automation.executor).toBeNull();
    expect(finding.evidence.statistics.ebsKeepsBilling).toBe(true);
    expect(describeAction(finding)).toBe('Stop non-production resource outside its active hours: schedule always on → Mon–Fri 08:00–20:00 UTC, Sat–Sun off');
  });

  it('keeps one window across midnight for a team working 20:00–04:00 UTC', () => {
    const res = instance({ Environment: 'Staging' });
    const [finding] = ec2(res, [cpu(res.arn, (t) => (workingHours(20, 4)(t) ? 55 : 1))]);
    expect(finding.proposed.onHoursUtc).toEqual({ weekdays: { start: '20:00', stop: '04:00', hours: 8 }, weekends: null });
  });

  it('passes production, untagged, opted-out, Auto Scaling, Spot and stopped instances', () => {
    expect(ec2(instance({ env: 'prod' }))).toEqual([]);
    expect(ec2(instance({}))).toEqual([]);
    expect(ec2(instance({ env: 'dev', 'headroom:schedule': 'off' }))).toEqual([]);
    expect(ec2(instance({ env: 'dev' }, { autoScalingGroup: 'dev-asg' }))).toEqual([]);
    expect(ec2(instance({ env: 'dev' }, { lifecycle: 'spot' }))).toEqual([]);
    expect(ec2(instance({ env: 'dev' }, { state: 'stopped' }))).toEqual([]);
  });

  it('passes an instance busy around the clock, and one never busy (that is an idle instance, not a schedule)', () => {
    const res = instance();
    expect(ec2(res, [cpu(res.arn, () => 30)])).toEqual([]);
    expect(ec2(res, [cpu(res.arn, () => 1)])).toEqual([]);
  });

  it('does not judge under 14 observed days, nor off hours without data (a scheduler may already stop it)', () => {
    const res = instance();
    expect(ec2(res, [cpu(res.arn, (t) => (workingHours(8, 20)(t) ? 40 : 2), 13)])).toEqual([]);
    expect(ec2(res, [cpu(res.arn, (t) => (workingHours(8, 20)(t) ? 40 : Number.NaN))])).toEqual([]);
  });

  it('widens the window to a stray busy hour and lowers confidence for the idle hours now inside it', () => {
    const res = instance();
    const stray = Date.UTC(2026, 10, 11, 2, 30); // Wednesday 02:30
    const [finding] = ec2(res, [cpu(res.arn, (t) => (workingHours(8, 20)(t) || Math.abs(t - stray) < 1_800_000 ? 40 : 2))]);
    expect(finding.proposed.schedule).toBe('Mon–Fri 02:00–20:00 UTC, Sat–Sun off');
    // in the window: 10 weekdays × 18 h observed, 10 × 12 + 1 active
    expect(finding.evidence.statistics.scheduleFit).toBeCloseTo(121 / 180, 3);
    expect(finding.confidence).toBeCloseTo(121 / 180, 2);
  });

  it('wins the dedupe against stopping the same instance as idle (its weekends look idle to Trusted Advisor)', () => {
    const res = instance();
    const list = [
      officeCpu(res.arn),
      series(res.arn, 'NetworkIn', 'Sum', (_, t) => (isWeekend(t) ? 100 : 1_000_000), { unit: 'Bytes', days: 15 }),
      series(res.arn, 'NetworkOut', 'Sum', () => 0, { unit: 'Bytes', days: 15 }),
    ];
    const findings = [...idleInstance.evaluate(slice(res, list), context()), ...offHoursEc2.evaluate(slice(res, list), context())];
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['ec2/idle-instance', 'schedule/off-hours']);
    const [deduped] = dedupeByResource(findings);
    expect(deduped.finding.ruleId).toBe('schedule/off-hours');
    expect(deduped.superseded.map((f) => f.ruleId)).toEqual(['ec2/idle-instance']);
  });

  it('keeps the same id across runs', () => {
    const res = instance();
    expect(ec2(res)[0].id).toBe(ec2(res)[0].id);
  });
});

const db = (tags: Record<string, string> = { env: 'staging' }, config: Record<string, unknown> = {}) => ({
  ...resource('rds:db-instance', 'staging-db', { instanceClass: 'db.m5.large', engine: 'postgres', storageGiB: 100, multiAz: false, status: 'available', ...config }),
  tags,
});
const connections = (arn: string, fn: (t: number) => number) =>
  series(arn, 'DatabaseConnections', 'Maximum', (_, t) => fn(t), { days: 15, namespace: 'AWS/RDS', unit: 'Count' });
const rds = (res: ReturnType<typeof db>, night = 0) => offHoursRds.evaluate(slice(res, [connections(res.arn, (t) => (workingHours(9, 18)(t) ? 12 : night))]), context());

describe('schedule/off-hours on RDS', () => {
  it('proposes weekdays 09:00–18:00 UTC for a staging database with connections only in office hours; storage keeps billing', () => {
    const [finding] = rds(db());
    expect(finding.proposed.schedule).toBe('Mon–Fri 09:00–18:00 UTC, Sat–Sun off');
    expect(finding.domain).toBe('database');
    // off = 5 × 15 + 48 = 123 h; db.m5.large postgres Single-AZ 0.178 $/h
    expect(finding.monthlySavingsUsd).toBeCloseTo((0.178 * 730 * 123) / 168, 2);
    expect(finding.evidence.statistics.storageKeepsBilling).toBe(true);
    expect(finding.evidence.statistics.autoRestartAfterStoppedDays).toBe(7);
    expect(finding.effort).toBe('medium');
  });

  it('passes read replicas, Aurora members, opted-out, production and unavailable instances', () => {
    expect(rds(db({ env: 'staging' }, { readReplicaSource: 'main-db' }))).toEqual([]);
    expect(rds(db({ env: 'staging' }, { dbClusterId: 'c1', engine: 'aurora-postgresql' }))).toEqual([]);
    expect(rds(db({ env: 'staging', 'headroom:schedule': 'OFF' }))).toEqual([]);
    expect(rds(db({ env: 'production' }))).toEqual([]);
    expect(rds(db({ env: 'staging' }, { status: 'stopped' }))).toEqual([]);
  });

  it('passes a database holding one connection through the night', () => {
    expect(rds(db(), 1)).toEqual([]);
  });
});
