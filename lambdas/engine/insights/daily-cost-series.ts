import type { DailyCost } from '../types/snapshot.js';

export const DAY_MS = 86_400_000;

/** Daily cost of one subject ('total' or a service), one slot per day, oldest first. */
export interface DailyCostSeries {
  subject: string;
  timestamps: number[];
  /** null on days no cost was collected at all (a collection gap, not a zero). */
  values: (number | null)[];
}

/**
 * Builds the total and per-service daily series (summed across accounts) over the days from the first to
 * the last collected date. A day with some rows but none for a service is a true 0 for that service;
 * a day with no rows at all is missing (null) everywhere. Services are kept if they rank in the top
 * `maxServices` by spend over the history, so a long tail of cent-level services is not forecast.
 */
export function dailyCostSeries(costs: DailyCost[], maxServices: number): DailyCostSeries[] {
  if (costs.length === 0) return [];
  const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
  const days = costs.map((c) => dayOf(c.date));
  const first = Math.min(...days);
  const slots = (Math.max(...days) - first) / DAY_MS + 1;
  const timestamps = Array.from({ length: slots }, (_, i) => first + i * DAY_MS);

  const collected = new Array<boolean>(slots).fill(false);
  const total = new Array<number>(slots).fill(0);
  const byService = new Map<string, number[]>();
  for (const cost of costs) {
    const slot = (dayOf(cost.date) - first) / DAY_MS;
    collected[slot] = true;
    total[slot] += cost.amountUsd;
    let service = byService.get(cost.service);
    if (!service) byService.set(cost.service, (service = new Array<number>(slots).fill(0)));
    service[slot] += cost.amountUsd;
  }
  const withGaps = (values: number[]) => values.map((v, i) => (collected[i] ? v : null));
  const spend = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const topServices = [...byService.entries()]
    .sort((a, b) => spend(b[1]) - spend(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, maxServices);
  return [
    { subject: 'total', timestamps, values: withGaps(total) },
    ...topServices.map(([subject, values]) => ({ subject, timestamps, values: withGaps(values) })),
  ];
}
