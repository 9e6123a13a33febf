import { describe, expect, it } from 'vitest';
import type { DailyCost } from '../../../lambdas/engine/types/snapshot.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';
import { compareWithCostExplorer, forecastName } from '../../../lambdas/engine/insights/cost-forecasts.js';
import { forecastCosts } from '../../../lambdas/workflow/forecast/forecast-costs.js';
import { RunDataMissingError } from '../../../lambdas/workflow/run-data-missing-error.js';

const START = Date.UTC(2026, 8, 1);
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** The run starts the morning after the 90-day history's last day. */
const RUN_START = new Date(START + 90 * DAY + 6 * 3_600_000).toISOString();
const input = { runId: 'run-1', now: RUN_START };

/** 90 days of EC2 at $100/day on weekdays and $60 at weekends, Lambda at $5/day, and a service seen on 3 days only. */
function history(): DailyCost[] {
  const costs: DailyCost[] = [];
  for (let d = 0; d < 90; d++) {
    const weekend = [0, 6].includes(new Date(START + d * DAY).getUTCDay());
    costs.push({ date: iso(START + d * DAY), account: '111111111111', service: 'Amazon EC2', amountUsd: weekend ? 60 : 100 });
    costs.push({ date: iso(START + d * DAY), account: '222222222222', service: 'AWS Lambda', amountUsd: 5 });
  }
  return costs;
}

describe('forecastCosts', () => {
  it('stores 30- and 90-day daily forecasts with 80 % intervals for the total and each service', async () => {
    const store = new MemoryStore();
    await store.putCosts(history());

    const out = await forecastCosts(input, { store });

    const stored = await store.listForecasts('run-1');
    expect(out).toEqual({ forecasts: 6, skipped: [], anomalies: 0 });
    expect(stored.map((f) => f.name).sort()).toEqual(
      ['cost-amazon-ec2-30d', 'cost-amazon-ec2-90d', 'cost-aws-lambda-30d', 'cost-aws-lambda-90d', 'cost-total-30d', 'cost-total-90d'],
    );
    const total30 = stored.find((f) => f.name === 'cost-total-30d')!;
    expect(total30.points).toHaveLength(30);
    expect(total30.points[0].timestamp).toBe(iso(START + 90 * DAY));
    for (const p of total30.points) {
      expect(p.lower80).toBeLessThanOrEqual(p.forecast);
      expect(p.upper80).toBeGreaterThanOrEqual(p.forecast);
    }
    // A weekly pattern between $65 and $105 a day: a 30-day total near 30 × ~93.6.
    expect(total30.facts.forecastTotalUsd).toBeGreaterThan(2600);
    expect(total30.facts.forecastTotalUsd).toBeLessThan(3000);
    expect(total30.facts.costExplorerMeanUsd).toBeNull();
  });

  it('compares the 30-day total with Cost Explorer’s own forecast over Cost Explorer’s period', async () => {
    const store = new MemoryStore();
    await store.putCosts(history());
    await store.putCostForecast({ start: iso(START + 90 * DAY), end: iso(START + 100 * DAY), meanUsd: 1000 });

    await forecastCosts(input, { store });

    const facts = (await store.listForecasts('run-1')).find((f) => f.name === 'cost-total-30d')!.facts;
    expect(facts.forecastDaysInCostExplorerPeriod).toBe(10);
    expect(facts.costExplorerMeanUsd).toBe(1000);
    const ours = facts.forecastUsdInCostExplorerPeriod as number;
    expect(facts.differencePercent).toBeCloseTo(((ours - 1000) / 1000) * 100, 1);
  });

  it('skips forecasts while the history is too short, and says why', async () => {
    const store = new MemoryStore();
    await store.putCosts([0, 1, 2].map((d) => ({ date: iso(START + d * DAY), account: '111111111111', service: 'EC2', amountUsd: 9 })));

    const out = await forecastCosts(input, { store });

    expect(out.forecasts).toBe(0);
    expect(out.skipped).toHaveLength(4);
    expect(out.skipped[0]).toMatch(/^cost-total-30d: .*3 observations/);
    expect(await store.listForecasts('run-1')).toEqual([]);
  });

  it('stores nothing when no cost has been collected', async () => {
    expect(await forecastCosts(input, { store: new MemoryStore() })).toEqual({ forecasts: 0, skipped: [], anomalies: 0 });
  });
});

describe('forecastCosts: cost anomalies', () => {
  /** The history with the Lambda bill quadrupled on one day, `daysAgo` days before the run starts. */
  async function storeWithSpike(daysAgo: number) {
    const store = new MemoryStore();
    const spikeDay = iso(START + (90 - daysAgo) * DAY);
    await store.putCosts(history().map((c) => (c.service === 'AWS Lambda' && c.date === spikeDay ? { ...c, amountUsd: 20 } : c)));
    return { store, spikeDay };
  }

  it('stores a cost spike of the last 14 days with the run, naming the service, the day and the amount', async () => {
    const { store, spikeDay } = await storeWithSpike(5);

    const out = await forecastCosts(input, { store });

    const anomalies = await store.listAnomalies('run-1');
    expect(out.anomalies).toBe(anomalies.length);
    expect(anomalies).toContainEqual(expect.objectContaining({ subject: { kind: 'cost', service: 'AWS Lambda' }, timestamp: `${spikeDay}T00:00:00.000Z`, value: 20, unit: 'USD' }));
    expect(anomalies[0].excerpt?.timestamps.length).toBeGreaterThan(30);
  });

  it('does not announce again a spike older than 14 days', async () => {
    const { store } = await storeWithSpike(20);

    await forecastCosts(input, { store });

    expect(await store.listAnomalies('run-1')).toEqual([]);
  });

  it('evaluates at the run start when no time is given, and fails clearly when the run is unknown', async () => {
    const { store, spikeDay } = await storeWithSpike(5);
    await store.putRun({ runId: 'run-1', startedAt: RUN_START, status: 'running', batches: 0, failedBatches: [], actionCount: 0, totalMonthlySavingsUsd: 0 });

    await forecastCosts({ runId: 'run-1' }, { store });

    expect((await store.listAnomalies('run-1')).map((a) => a.timestamp)).toContain(`${spikeDay}T00:00:00.000Z`);
    await expect(forecastCosts({ runId: 'run-2' }, { store })).rejects.toThrow(RunDataMissingError);
  });

  it('leaves the batches’ capacity forecasts and metric anomalies alone', async () => {
    const { store } = await storeWithSpike(20);
    const capacity = { name: 'capacity-web-1-cpuutilization', kind: 'capacity' as const, subject: 'web-1', step: 'hour' as const, points: [], facts: { threshold: 80 } };
    await store.putForecasts('run-1', [capacity], 'batch-1');
    const metric = { subject: { kind: 'metric' as const, resourceArn: 'arn:x', metric: 'AWS/EC2/CPUUtilization', stat: 'Average' }, timestamp: RUN_START, value: 97, score: 1 };
    await store.putAnomalies('run-1', 'batch-1', [metric]);

    await forecastCosts(input, { store });

    expect((await store.listForecasts('run-1')).map((f) => f.name)).toContain('capacity-web-1-cpuutilization');
    expect(await store.listAnomalies('run-1')).toEqual([metric]);
  });
});

describe('compareWithCostExplorer', () => {
  it('sums only our days inside Cost Explorer’s [start, end) period', () => {
    const ours = {
      stepMs: DAY,
      timestamps: [0, 1, 2, 3].map((d) => START + d * DAY),
      forecast: [10, 20, 30, 40],
      lower80: [0, 0, 0, 0],
      upper80: [50, 50, 50, 50],
      model: 'm',
      seasonPeriods: [],
    };
    const facts = compareWithCostExplorer(ours, { start: iso(START + DAY), end: iso(START + 3 * DAY), meanUsd: 40 });
    expect(facts).toMatchObject({ forecastUsdInCostExplorerPeriod: 50, forecastDaysInCostExplorerPeriod: 2, differencePercent: 25 });
  });
});

describe('forecastName', () => {
  it('turns a service name into a key-safe slug', () => {
    expect(forecastName('Amazon Elastic Compute Cloud - Compute', 30)).toBe('cost-amazon-elastic-compute-cloud-compute-30d');
  });
});
