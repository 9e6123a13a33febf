import type { SampleAccount } from './model.js';

/** A one-glance description of a sample account, for the demo's progress output. */
export interface SampleAccountSummary {
  accountId: string;
  regions: string[];
  resources: number;
  byType: Record<string, number>;
  byArchetype: Record<string, number>;
  /** Sum of the last complete day's cost over all services, USD. */
  lastDayCostUsd: number;
  /** Mean daily cost over the 90-day history, USD. */
  meanDailyCostUsd: number;
  incidents: { id: string; kind: string; at: string; description: string }[];
}

export function summariseSampleAccount(account: SampleAccount): SampleAccountSummary {
  const count = (keys: string[]) => keys.reduce<Record<string, number>>((acc, k) => ({ ...acc, [k]: (acc[k] ?? 0) + 1 }), {});
  const byDate = new Map<string, number>();
  for (const c of account.costs) byDate.set(c.date, (byDate.get(c.date) ?? 0) + c.amountUsd);
  const dates = [...byDate.keys()].sort();
  const total = [...byDate.values()].reduce((a, b) => a + b, 0);
  return {
    accountId: account.accountId,
    regions: account.regions,
    resources: account.resources.length,
    byType: count(account.resources.map((r) => r.resource.type)),
    byArchetype: count(account.resources.map((r) => r.archetype)),
    lastDayCostUsd: byDate.get(dates.at(-1) ?? '') ?? 0,
    meanDailyCostUsd: dates.length === 0 ? 0 : total / dates.length,
    incidents: account.incidents.map((i) => ({ id: i.id, kind: i.kind, at: new Date(i.start).toISOString(), description: i.description })),
  };
}
