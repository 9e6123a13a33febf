import { median } from '../stats/index.js';
import type { DailyCost } from '../types/snapshot.js';
import { DAY_MS } from './daily-cost-series.js';

/** Days of history before an anomaly whose median is its expected daily cost (four weeks: every weekday 4 times). */
export const BASELINE_DAYS = 28;
/** A day still counts toward the impact while its deviation exceeds this many robust standard deviations. */
export const IMPACT_SIGMAS = 3;
/** Contributors listed per dimension, largest change first. */
export const MAX_CONTRIBUTORS = 5;

export type CostDimension = 'service' | 'account';

/** One line of the cost that moved on the anomaly's day: its expected and observed $ and the difference. */
export interface CostContributor {
  dimension: CostDimension;
  key: string;
  expectedUsd: number;
  observedUsd: number;
  deltaUsd: number;
}

/** What a cost anomaly means in dollars (docs/cost-anomalies.md). */
export interface CostImpact {
  /** Median daily cost of the subject over the BASELINE_DAYS before the anomaly's day. */
  expectedUsd: number;
  /** The subject's cost on the anomaly's day. */
  observedUsd: number;
  /** Σ (observed − expected) over the anomaly's day and the following days while the deviation stays beyond the noise. */
  impactUsd: number;
  /** Days summed into impactUsd (1: the anomaly's day only). */
  impactDays: number;
  /** Per dimension, the lines whose change is in the anomaly's direction, largest |delta| first. */
  contributors: CostContributor[];
}

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Daily cost of each key (summed over the rows it matches), by day start. */
function dailyBy(rows: readonly DailyCost[], keyOf: (row: DailyCost) => string): Map<string, Map<number, number>> {
  const byKey = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const key = keyOf(row);
    let days = byKey.get(key);
    if (!days) byKey.set(key, (days = new Map()));
    const day = dayOf(row.date);
    days.set(day, (days.get(day) ?? 0) + row.amountUsd);
  }
  return byKey;
}

/**
 * Median over the BASELINE_DAYS collected days before `day`; a collected day without the key's rows is a true 0.
 * No collected day before it: 0 (the cost is new).
 */
function priorDays(days: ReadonlyMap<number, number>, collected: ReadonlySet<number>, day: number): number[] {
  const prior: number[] = [];
  for (let d = day - BASELINE_DAYS * DAY_MS; d < day; d += DAY_MS) if (collected.has(d)) prior.push(days.get(d) ?? 0);
  return prior;
}

function expectedOn(days: ReadonlyMap<number, number>, collected: ReadonlySet<number>, day: number): number {
  const prior = priorDays(days, collected, day);
  return prior.length === 0 ? 0 : median(prior);
}

/**
 * The $ impact of a cost anomaly on `service` ('total' for all services) at `timestamp` (its day), from the cost rows:
 *   expected = median of the subject's daily cost over the BASELINE_DAYS before the day (robust to earlier spikes)
 *   noise    = 1.4826 × median |prior − expected| (the robust standard deviation of the same 28 days)
 *   impact   = Σ_d (observed_d − expected) from the day on, while observed_d − expected has the day's sign and
 *              |observed_d − expected| > IMPACT_SIGMAS × noise (the anomaly's day itself always counts)
 *   contributors: for each service (total only) and account, delta = observed − its own expected on the day;
 *   the lines moving in the anomaly's direction, largest |delta| first, MAX_CONTRIBUTORS per dimension.
 * Example: Lambda $100/day for four weeks, $400 today → expected $100, observed $400, impact $300 over 1 day.
 */
export function costImpact(costs: readonly DailyCost[], anomaly: { service: string; timestamp: string }): CostImpact {
  const day = Math.floor(Date.parse(anomaly.timestamp) / DAY_MS) * DAY_MS;
  const rows = anomaly.service === 'total' ? costs : costs.filter((c) => c.service === anomaly.service);
  const collected = new Set(costs.map((c) => dayOf(c.date)));
  const subject = dailyBy(rows, () => anomaly.service).get(anomaly.service) ?? new Map<number, number>();
  const expectedUsd = expectedOn(subject, collected, day);
  const observedUsd = subject.get(day) ?? 0;
  const sign = Math.sign(observedUsd - expectedUsd);
  const prior = priorDays(subject, collected, day);
  const noise = prior.length === 0 ? 0 : 1.4826 * median(prior.map((v) => Math.abs(v - expectedUsd)));

  let impactUsd = 0;
  let impactDays = 0;
  const last = Math.max(...collected);
  for (let d = day; d <= last && collected.has(d); d += DAY_MS) {
    const deviation = (subject.get(d) ?? 0) - expectedUsd;
    if (sign === 0 || Math.sign(deviation) !== sign || (d > day && Math.abs(deviation) <= IMPACT_SIGMAS * noise)) break;
    impactUsd += deviation;
    impactDays++;
  }

  const dimensions: [CostDimension, (row: DailyCost) => string][] = [['account', (r) => r.account]];
  if (anomaly.service === 'total') dimensions.unshift(['service', (r) => r.service]);
  const contributors = dimensions.flatMap(([dimension, keyOf]) =>
    [...dailyBy(rows, keyOf)]
      .map(([key, days]): CostContributor => {
        const expected = expectedOn(days, collected, day);
        const observed = days.get(day) ?? 0;
        return { dimension, key, expectedUsd: expected, observedUsd: observed, deltaUsd: observed - expected };
      })
      .filter((c) => sign !== 0 && Math.sign(c.deltaUsd) === sign)
      .sort((a, b) => Math.abs(b.deltaUsd) - Math.abs(a.deltaUsd) || a.key.localeCompare(b.key))
      .slice(0, MAX_CONTRIBUTORS),
  );
  return { expectedUsd, observedUsd, impactUsd, impactDays, contributors };
}
