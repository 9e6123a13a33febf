import type { Action, Domain } from '../../engine/types/action.js';
import type { RealisedSavingsRecord, RunSummary, StoredAnomaly, StoredForecast } from '../../shared/store/store.js';
import { topCostAnomalies, type CostAnomaly } from './cost-anomaly-line.js';
import type { CollectionReportInput } from './collection-issues.js';
import { describeAction } from './describe-action.js';
import { formatUsd } from './numbers.js';
import { RISK_LABELS, riskLabel, riskLevel, type RiskLabel, type RiskLevel } from './risk.js';

/** How many actions a digest lists by default (Slack's 50-block limit allows about 15 with their buttons). */
export const DEFAULT_TOP_N = 10;

export interface DigestItem {
  /** 1-based position in the run's ranking (the order prioritise stored). */
  rank: number;
  runId: string;
  /** Human title from describeAction; the same in every channel. */
  title: string;
  riskLevel: RiskLevel;
  riskLabel: RiskLabel;
  action: Action;
}

export interface DigestTotals {
  actionCount: number;
  /** Net monthly change: savings minus the cost of upsizes (Σ monthlySavingsUsd over all actions). */
  netMonthlySavingsUsd: number;
  /** Σ of positive monthlySavingsUsd. */
  grossMonthlySavingsUsd: number;
  /** Σ |monthlySavingsUsd| of actions that cost money (upsizes for performance). */
  monthlyCostIncreaseUsd: number;
  /** netMonthlySavingsUsd × 12. */
  netAnnualSavingsUsd: number;
  carbonKgCo2eMonthly: number;
  /** Actions an executor can apply (whether that executor is enabled is decided per channel). */
  automatableCount: number;
}

export interface DomainCount {
  domain: Domain;
  count: number;
  monthlySavingsUsd: number;
}

export interface RiskCount {
  level: RiskLevel;
  label: RiskLabel;
  count: number;
}

export interface ForecastSummary {
  name: string;
  kind: StoredForecast['kind'];
  subject: string;
  step: StoredForecast['step'];
  horizonPoints: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  /** Σ of the point forecasts over the horizon (meaningful for cost: the forecast spend of the period). */
  forecastTotal: number;
  facts: StoredForecast['facts'];
}

/** How many realised measurements a digest lists (the totals cover all of them). */
export const REALISED_TOP_N = 5;

export interface RealisedItem {
  actionId: string;
  ruleId: string;
  resourceArn: string;
  /** Short name for display: the ARN's last path segment. */
  resourceName: string;
  estimatedMonthlyUsd: number;
  realisedMonthlyUsd: number;
  method: string;
}

/** Realised savings measured by this run (the analysis run's persist step), for applied actions. */
export interface RealisedDigest {
  measuredCount: number;
  /** Σ realisedMonthlyUsd of the measured actions (a regression counts negative). */
  realisedMonthlyUsd: number;
  /** Σ estimatedMonthlyUsd of the same actions. */
  estimatedMonthlyUsd: number;
  /** Measured ones, largest realised saving first, at most REALISED_TOP_N. */
  top: RealisedItem[];
  /** Applied actions that could not be measured and will not be tried again, with why. */
  notMeasurable: { actionId: string; ruleId: string; resourceName: string; reason: string }[];
}

/** The channel-neutral model every renderer (Slack, email, report) works from. No markup, no I/O. */
export interface Digest {
  runId: string;
  startedAt: string;
  finishedAt?: string;
  status: RunSummary['status'];
  failedBatches: number;
  reportUrl?: string;
  totals: DigestTotals;
  /** Sorted by monthly savings, largest first. */
  byDomain: DomainCount[];
  /** Every level 0–4, in order, including zero counts. */
  byRisk: RiskCount[];
  top: DigestItem[];
  /** Actions not in `top`. */
  omitted: number;
  forecasts: ForecastSummary[];
  /** Anomalies the run detected (metric and cost), whoever the digest is for: the report lists them. */
  anomalyCount: number;
  /** The cost anomalies with the largest $ impact (topCostAnomalies); each channel prints costAnomalyLine. */
  costAnomalies: CostAnomaly[];
  /** Realised savings this run measured; undefined when it measured none and gave up on none. */
  realised?: RealisedDigest;
  /** The collection's status and issues, when the run knows them (collection-issues.ts renders them). */
  collection?: CollectionReportInput;
}

export interface DigestInput {
  run: RunSummary;
  /** The run's actions in ranked order (as prioritise stored them). */
  actions: Action[];
  forecasts: StoredForecast[];
  /** The run's anomalies: their count and the top cost anomalies go into the digest. Omitted: none were loaded (counted as 0). */
  anomalies?: readonly StoredAnomaly[];
  reportUrl?: string;
  topN?: number;
  /** Stored realised-savings results (listRealisedSavings); only those measured by this run are shown. */
  realised?: readonly RealisedSavingsRecord[];
  collection?: CollectionReportInput;
  /**
   * Actions to list even when ranked below `topN` (Slack passes "Approve can be offered"), at most PINNED_MAX of
   * them, at their own rank: a one-click change is never hidden behind bigger manual ones.
   */
  pinned?: (action: Action) => boolean;
}

/** How many actions below `topN` a digest may add because they are pinned (Slack's 50-block limit fits them). */
export const PINNED_MAX = 3;

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function totalsOf(actions: Action[]): DigestTotals {
  const savings = actions.map((action) => action.monthlySavingsUsd);
  const net = sum(savings);
  return {
    actionCount: actions.length,
    netMonthlySavingsUsd: net,
    grossMonthlySavingsUsd: sum(savings.filter((amount) => amount > 0)),
    monthlyCostIncreaseUsd: -sum(savings.filter((amount) => amount < 0)),
    netAnnualSavingsUsd: net * 12,
    carbonKgCo2eMonthly: sum(actions.map((action) => action.carbonKgCo2eMonthly)),
    automatableCount: actions.filter((action) => action.automation.executor !== null).length,
  };
}

function countByDomain(actions: Action[]): DomainCount[] {
  const byDomain = new Map<Domain, DomainCount>();
  for (const action of actions) {
    const entry = byDomain.get(action.domain) ?? { domain: action.domain, count: 0, monthlySavingsUsd: 0 };
    entry.count += 1;
    entry.monthlySavingsUsd += action.monthlySavingsUsd;
    byDomain.set(action.domain, entry);
  }
  return [...byDomain.values()].sort((a, b) => b.monthlySavingsUsd - a.monthlySavingsUsd || a.domain.localeCompare(b.domain));
}

function countByRisk(actions: Action[]): RiskCount[] {
  const counts = RISK_LABELS.map((label, level) => ({ level: level as RiskLevel, label, count: 0 }));
  for (const action of actions) counts[riskLevel(action.performanceRisk)].count += 1;
  return counts;
}

function summariseForecast(forecast: StoredForecast): ForecastSummary {
  return {
    name: forecast.name,
    kind: forecast.kind,
    subject: forecast.subject,
    step: forecast.step,
    horizonPoints: forecast.points.length,
    firstTimestamp: forecast.points[0]?.timestamp,
    lastTimestamp: forecast.points[forecast.points.length - 1]?.timestamp,
    forecastTotal: sum(forecast.points.map((point) => point.forecast)),
    facts: forecast.facts,
  };
}

/** The last segment of an ARN's resource part: `…:volume/vol-1` → `vol-1`, `…:function:f` → `f`. */
function arnName(arn: string): string {
  return arn.split(/[:/]/).at(-1) || arn;
}

/** This run's realised-savings results as the digest shows them; undefined when there are none. */
export function summariseRealised(records: readonly RealisedSavingsRecord[], runId: string): RealisedDigest | undefined {
  const ours = records.filter((record) => record.runId === runId);
  const measured = ours.flatMap((record) => (record.status === 'measured' ? [record] : []));
  const notMeasurable = ours.flatMap((record) =>
    record.status === 'not-measurable' && record.final
      ? [{ actionId: record.actionId, ruleId: record.ruleId, resourceName: arnName(record.resourceArn), reason: record.reason }]
      : [],
  );
  if (measured.length === 0 && notMeasurable.length === 0) return undefined;
  const top = [...measured]
    .sort((a, b) => b.realisedMonthlyUsd - a.realisedMonthlyUsd || a.actionId.localeCompare(b.actionId))
    .slice(0, REALISED_TOP_N)
    .map((record): RealisedItem => ({
      actionId: record.actionId,
      ruleId: record.ruleId,
      resourceArn: record.resourceArn,
      resourceName: arnName(record.resourceArn),
      estimatedMonthlyUsd: record.estimatedMonthlyUsd,
      realisedMonthlyUsd: record.realisedMonthlyUsd,
      method: record.method,
    }));
  return {
    measuredCount: measured.length,
    realisedMonthlyUsd: sum(measured.map((record) => record.realisedMonthlyUsd)),
    estimatedMonthlyUsd: sum(measured.map((record) => record.estimatedMonthlyUsd)),
    top,
    notMeasurable,
  };
}

/** "Realised: $X/month measured on N applied actions (estimated $Y)": the headline every channel uses. */
export function realisedLine(realised: RealisedDigest): string {
  const n = realised.measuredCount;
  return `Realised: ${formatUsd(realised.realisedMonthlyUsd)}/month measured on ${n} applied action${n === 1 ? '' : 's'} (estimated ${formatUsd(realised.estimatedMonthlyUsd)})`;
}

/** One measured action: "vol-1 (ebs/gp2-to-gp3): $10.00/month realised vs $10.00 estimated". */
export function realisedItemLine(item: RealisedItem): string {
  return `${item.resourceName} (${item.ruleId}): ${formatUsd(item.realisedMonthlyUsd)}/month realised vs ${formatUsd(item.estimatedMonthlyUsd)} estimated`;
}

/** One action given up on: "f (lambda/memory-size) not measurable: no invocations in one of the windows". */
export function notMeasurableLine(entry: RealisedDigest['notMeasurable'][number]): string {
  return `${entry.resourceName} (${entry.ruleId}) not measurable: ${entry.reason}`;
}

/** "3 anomalies detected": the one line every channel uses for the anomaly count. */
export function anomalyLine(count: number): string {
  return `${count} anomal${count === 1 ? 'y' : 'ies'} detected (metrics and daily cost)`;
}

/**
 * What a channel could not list, in one line: "+N more actions worth $X/month in the report". The caller passes
 * X = net monthly savings of all actions − Σ monthlySavingsUsd of the listed ones, so upsizes among the omitted
 * actions reduce it exactly as they reduce the header's total.
 */
export function omittedLine(omitted: number, omittedMonthlyUsd: number): string {
  return `+${omitted} more action${omitted === 1 ? '' : 's'} worth ${formatUsd(omittedMonthlyUsd)}/month in the report.`;
}

/** Net monthly savings of the actions a digest does not list: totals − Σ of `top`. */
export function omittedMonthlySavings(digest: Pick<Digest, 'totals' | 'top'>): number {
  return digest.totals.netMonthlySavingsUsd - digest.top.reduce((total, item) => total + item.action.monthlySavingsUsd, 0);
}

/** Builds the digest of one run. Keeps the stored ranking; totals cover every action, `top` the first `topN` and any pinned ones below them. */
export function buildDigest(input: DigestInput): Digest {
  const topN = input.topN ?? DEFAULT_TOP_N;
  if (!Number.isInteger(topN) || topN < 0) throw new RangeError(`topN must be a non-negative integer, got ${topN}`);
  const pinned = input.pinned;
  const listed = input.actions.map((action, index) => ({ action, index })).filter(({ index }) => index < topN);
  if (pinned && topN > 0) listed.push(...input.actions.map((action, index) => ({ action, index })).filter(({ action, index }) => index >= topN && pinned(action)).slice(0, PINNED_MAX));
  const top = listed.map(
    ({ action, index }): DigestItem => ({
      rank: index + 1,
      runId: input.run.runId,
      title: describeAction(action),
      riskLevel: riskLevel(action.performanceRisk),
      riskLabel: riskLabel(action.performanceRisk),
      action,
    }),
  );
  return {
    runId: input.run.runId,
    startedAt: input.run.startedAt,
    finishedAt: input.run.finishedAt,
    status: input.run.status,
    failedBatches: input.run.failedBatches.length,
    reportUrl: input.reportUrl,
    totals: totalsOf(input.actions),
    byDomain: countByDomain(input.actions),
    byRisk: countByRisk(input.actions),
    top,
    omitted: input.actions.length - top.length,
    forecasts: input.forecasts.map(summariseForecast),
    anomalyCount: input.anomalies?.length ?? 0,
    costAnomalies: topCostAnomalies(input.anomalies ?? []),
    realised: input.realised && summariseRealised(input.realised, input.run.runId),
    ...(input.collection === undefined ? {} : { collection: input.collection }),
  };
}
