import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DailyCost, MetricSeries, Resource } from '../../lambdas/engine/types/snapshot.js';
import { createDocumentClient } from '../../lambdas/shared/aws/dynamodb.js';
import { DynamoStore } from '../../lambdas/shared/store/dynamo-store.js';
import { analyseBatch } from '../../lambdas/workflow/analyse-batch/analyse-batch.js';
import { forecastCosts } from '../../lambdas/workflow/forecast/forecast-costs.js';
import { persistRun } from '../../lambdas/workflow/persist-run/persist-run.js';
import { plan } from '../../lambdas/workflow/plan/plan.js';
import { prioritiseRun } from '../../lambdas/workflow/prioritise/prioritise-run.js';
import { startTestTable, type TestTable } from '../helpers/dynalite.js';
import { resource } from '../shared/store/fixtures.js';
import { volume } from './fixtures.js';

const NOW = Date.UTC(2026, 10, 29, 23, 0, 0);
const DAY = 86_400_000;
let local: TestTable;

beforeAll(async () => {
  local = await startTestTable();
});
afterAll(async () => local?.stop());

function cpu(r: Resource, level: number): MetricSeries[] {
  const timestamps = Array.from({ length: 14 * 288 }, (_, i) => NOW - 14 * DAY + i * 300_000);
  const make = (metricName: string, stat: string, value: number): MetricSeries => ({
    resourceArn: r.arn,
    namespace: 'AWS/EC2',
    metricName,
    stat,
    periodSec: 300,
    timestamps,
    values: timestamps.map(() => value),
  });
  return [make('CPUUtilization', 'Average', level), make('NetworkIn', 'Sum', 1000), make('NetworkOut', 'Sum', 1000)];
}

describe('the analysis steps on DynamoDB (dynalite)', () => {
  it('plan → analyse every batch → forecast → prioritise → persist produces a succeeded run with ranked actions', async () => {
    const store = new DynamoStore(createDocumentClient(local.clientConfig), local.tableName);
    const instances = Array.from({ length: 6 }, (_, i) => resource(`i-${i}`));
    const volumes = Array.from({ length: 6 }, (_, i) => volume(`vol-${i}`, 'gp2'));
    await store.putResources([...instances, ...volumes]);
    await store.putSeries(instances.flatMap((r) => cpu(r, 1)));
    const costs: DailyCost[] = Array.from({ length: 60 }, (_, d) => ({
      date: new Date(NOW - (60 - d) * DAY).toISOString().slice(0, 10),
      account: '111111111111',
      service: 'Amazon EC2',
      amountUsd: 40 + (d % 7),
    }));
    await store.putCosts(costs);

    const planned = await plan({}, { store, batchSize: 5, now: () => NOW });
    const batchResults = [];
    for (const batch of planned.batches) batchResults.push(await analyseBatch(batch, { store, headroomPercent: 20, lookbackDays: 14 }));
    const forecast = await forecastCosts({ runId: planned.runId }, { store });
    const prioritised = await prioritiseRun({ runId: planned.runId }, { store, headroomPercent: 20, lookbackDays: 14 });
    const summary = await persistRun({ runId: planned.runId, startedAt: planned.startedAt, batchResults }, { store });

    expect(planned.batches).toHaveLength(3);
    expect(forecast.forecasts).toBe(4);
    expect(prioritised.actionCount).toBeGreaterThanOrEqual(12);
    expect(summary).toMatchObject({ status: 'succeeded', batches: 3, actionCount: prioritised.actionCount });
    expect(summary.totalMonthlySavingsUsd).toBe(prioritised.totalMonthlySavingsUsd);
    expect(await store.latestRun()).toEqual(summary);
    const actions = await store.listActions(planned.runId);
    expect(actions.map((a) => a.priority)).toEqual([...actions.map((a) => a.priority)].sort((a, b) => b - a));
    expect(await store.getAction(planned.runId, actions[3].id)).toEqual(actions[3]);
  });
});
