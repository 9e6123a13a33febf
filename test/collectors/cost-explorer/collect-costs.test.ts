import { CostExplorerClient, GetCostAndUsageCommand, GetCostForecastCommand } from '@aws-sdk/client-cost-explorer';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { accountsWithoutCosts, COST_DATA_MISSING, collectCosts } from '../../../lambdas/collectors/cost-explorer/collect-costs.js';
import { CostExplorerShapeError, parseAmount } from '../../../lambdas/collectors/cost-explorer/parse-amount.js';
import { loadFixture } from '../helpers/fixtures.js';
import { ACCOUNT, testContext } from '../helpers/context.js';

const ce = mockClient(CostExplorerClient);
afterEach(() => ce.reset());

const group = (service: string, amount: string) => ({ Keys: [service, ACCOUNT], Metrics: { UnblendedCost: { Amount: amount, Unit: 'USD' } } });

function mockForecast(): void {
  ce.on(GetCostForecastCommand).resolves({
    Total: { Amount: '3000.5', Unit: 'USD' },
    ForecastResultsByTime: [
      { TimePeriod: { Start: '2026-11-29', End: '2026-11-30' }, MeanValue: '100', PredictionIntervalLowerBound: '90', PredictionIntervalUpperBound: '110' },
      { TimePeriod: { Start: '2026-11-30', End: '2026-12-01' }, MeanValue: '100', PredictionIntervalLowerBound: '91', PredictionIntervalUpperBound: '112.5' },
    ],
  });
}

describe('collectCosts', () => {
  it('pages GetCostAndUsage with NextPageToken and parses string amounts into daily costs by service', async () => {
    ce.on(GetCostAndUsageCommand, { NextPageToken: undefined })
      .resolves({
        ResultsByTime: [{ TimePeriod: { Start: '2026-08-31', End: '2026-09-01' }, Groups: [group('AWS Lambda', '12.3400000000'), group('Amazon DynamoDB', '0.0000001')], Total: {} }],
        NextPageToken: 'p2',
      })
      .on(GetCostAndUsageCommand, { NextPageToken: 'p2' })
      .resolves({ ResultsByTime: [{ TimePeriod: { Start: '2026-09-01', End: '2026-09-02' }, Groups: [group('AWS Lambda', '13')], Total: {} }] });
    mockForecast();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectCosts(context);

    expect(await context.store.listCosts()).toEqual(
      expect.arrayContaining([
        { date: '2026-08-31', account: ACCOUNT, service: 'AWS Lambda', amountUsd: 12.34 },
        { date: '2026-08-31', account: ACCOUNT, service: 'Amazon DynamoDB', amountUsd: 1e-7 },
        { date: '2026-09-01', account: ACCOUNT, service: 'AWS Lambda', amountUsd: 13 },
      ]),
    );
    expect(report.calls).toEqual({ 'ce:GetCostAndUsage': 2, 'ce:GetCostForecast': 1 });
    const request = ce.commandCalls(GetCostAndUsageCommand)[0].args[0].input;
    expect(request).toMatchObject({
      TimePeriod: { Start: '2026-08-31', End: '2026-11-29' },
      Granularity: 'DAILY',
      Metrics: ['UnblendedCost', 'AmortizedCost'],
      GroupBy: [
        { Type: 'DIMENSION', Key: 'SERVICE' },
        { Type: 'DIMENSION', Key: 'LINKED_ACCOUNT' },
      ],
      Filter: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: [ACCOUNT] } },
    });
  });

  it("stores Cost Explorer's 30-day forecast with its summed 80 % bounds", async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
    mockForecast();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    await collectCosts(context);

    expect(await context.store.getCostForecast()).toEqual({ start: '2026-11-29', end: '2026-12-29', meanUsd: 3000.5, lowerUsd: 181, upperUsd: 222.5 });
    expect(ce.commandCalls(GetCostForecastCommand)[0].args[0].input).toMatchObject({ Metric: 'UNBLENDED_COST', PredictionIntervalLevel: 80, TimePeriod: { Start: '2026-11-29', End: '2026-12-29' } });
  });

  it('keeps the amortised amount next to the unblended one (both metrics in one request)', async () => {
    const bothMetrics = { Keys: ['Amazon EC2', ACCOUNT], Metrics: { UnblendedCost: { Amount: '10', Unit: 'USD' }, AmortizedCost: { Amount: '7.25', Unit: 'USD' } } };
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [{ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Groups: [bothMetrics] }] });
    mockForecast();
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    await collectCosts(context);

    expect(await context.store.listCosts()).toEqual([{ date: '2026-11-01', account: ACCOUNT, service: 'Amazon EC2', amountUsd: 10, amortisedUsd: 7.25 }]);
  });

  it('answers the same query from the store cache on a second run the same day, without paying for it again', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [{ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Groups: [group('AWS Lambda', '2')] }] });
    mockForecast();
    const portsFor = createAwsPortsFor({ builders: allAwsAdapters });
    const context = testContext(portsFor);

    const first = await collectCosts(context);
    const second = await collectCosts(context);
    const nextDay = await collectCosts({ ...context, now: context.now + 86_400_000 });

    expect(first.calls).toEqual({ 'ce:GetCostAndUsage': 1, 'ce:GetCostForecast': 1 });
    expect(first.cacheHits).toBeUndefined();
    expect(second.calls).toEqual({});
    expect(second.cacheHits).toEqual({ 'ce:GetCostAndUsage': 1, 'ce:GetCostForecast': 1 });
    expect(second.itemsWritten).toEqual(first.itemsWritten);
    // A new day is a new query (its dates change): asked again.
    expect(nextDay.calls).toEqual({ 'ce:GetCostAndUsage': 1, 'ce:GetCostForecast': 1 });
    expect(ce.commandCalls(GetCostAndUsageCommand)).toHaveLength(2);
  });

  it('records an unavailable forecast as an issue and keeps the daily costs', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [{ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Groups: [group('AWS Lambda', '1.5')] }] });
    ce.on(GetCostForecastCommand).rejects(Object.assign(new Error('Insufficient amount of historical data'), { name: 'DataUnavailableException', $fault: 'client', $metadata: {} }));
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));

    const report = await collectCosts(context);

    expect(report.issues).toEqual([{ source: 'cost-explorer', account: ACCOUNT, service: 'ce', operation: 'GetCostForecast', code: 'DataUnavailableException', message: 'Insufficient amount of historical data' }]);
    expect(await context.store.listCosts()).toHaveLength(1);
  });

  it('fails with a clear error when an amount is not a decimal string', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [{ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Groups: [group('AWS Lambda', 'n/a')] }] });
    mockForecast();

    await expect(collectCosts(testContext(createAwsPortsFor({ builders: allAwsAdapters })))).rejects.toThrow(/UnblendedCost of AWS Lambda on 2026-11-01: .*decimal number.*"n\/a"/);
  });
});

describe('parseAmount', () => {
  it('parses every amount of the official GetCostAndUsage example (strings, not numbers)', () => {
    const example = loadFixture<{ ResultsByTime: { Groups: { Metrics: Record<string, { Amount: string }> }[] }[] }>('ce.GetCostAndUsage.1.json');
    const amounts = example.ResultsByTime.flatMap((r) => r.Groups.flatMap((g) => Object.values(g.Metrics).map((m) => m.Amount)));
    expect(amounts.length).toBeGreaterThan(0);
    for (const amount of amounts) expect(typeof amount).toBe('string');
    expect(parseAmount('40.3543773134', 'x')).toBeCloseTo(40.3543773134, 10);
    expect(amounts.map((a) => parseAmount(a, 'example')).every(Number.isFinite)).toBe(true);
  });

  it('rejects numbers, empty strings and missing amounts', () => {
    expect(() => parseAmount(undefined, 'Total')).toThrow(CostExplorerShapeError);
    expect(() => parseAmount('', 'Total')).toThrow(/Total/);
    expect(() => parseAmount(12 as unknown as string, 'Total')).toThrow(/string/);
  });
});

describe('collectCosts across accounts', () => {
  const HOME = '123456789012';
  const MEMBER_A = '210987654321';
  const MEMBER_B = '310987654321';
  const linked = (service: string, account: string, amount: string) => ({ Keys: [service, account], Metrics: { UnblendedCost: { Amount: amount, Unit: 'USD' } } });

  /** The real SDK ports, remembering which account each port set was asked for. */
  function recordingPortsFor() {
    const asked: string[] = [];
    const aws = createAwsPortsFor({ builders: allAwsAdapters });
    return { asked, portsFor: (account: string, region: string) => (asked.push(account), aws(account, region)) };
  }

  it('calls Cost Explorer through the home account, not the first configured (member) account', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [{ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Groups: [linked('AWS Lambda', MEMBER_A, '2'), linked('AWS Lambda', HOME, '1')] }] });
    mockForecast();
    const { asked, portsFor } = recordingPortsFor();

    const report = await collectCosts(testContext(portsFor, { accounts: [MEMBER_A, HOME], costExplorerAccount: HOME }));

    expect(new Set(asked)).toEqual(new Set([HOME]));
    expect(report.issues).toEqual([]);
    expect(ce.commandCalls(GetCostAndUsageCommand)[0]?.args[0].input.Filter).toEqual({ Dimensions: { Key: 'LINKED_ACCOUNT', Values: [MEMBER_A, HOME] } });
  });

  it('records the accounts missing from the LINKED_ACCOUNT groups as one issue and keeps the costs it got', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [{ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Groups: [linked('AWS Lambda', HOME, '1')] }] });
    mockForecast();
    const context = testContext(recordingPortsFor().portsFor, { accounts: [HOME, MEMBER_A, MEMBER_B], costExplorerAccount: HOME });

    const report = await collectCosts(context);

    expect(report.issues).toEqual([
      {
        source: 'cost-explorer',
        account: HOME,
        code: COST_DATA_MISSING,
        message: expect.stringMatching(new RegExp(`^no cost data for accounts ${MEMBER_A}, ${MEMBER_B} in the last 90 days: .*account ${HOME}.*linked accounts only from the management account`)),
      },
    ]);
    expect(await context.store.listCosts()).toHaveLength(1);
    expect(await context.store.listIssues()).toEqual(report.issues);
  });

  it('checks the cached answer too: a second run the same day reports the same missing account', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [{ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Groups: [linked('AWS Lambda', HOME, '1')] }] });
    mockForecast();
    const context = testContext(recordingPortsFor().portsFor, { accounts: [HOME, MEMBER_A], costExplorerAccount: HOME });

    await collectCosts(context);
    const second = await collectCosts(context);

    expect(second.cacheHits).toEqual({ 'ce:GetCostAndUsage': 1, 'ce:GetCostForecast': 1 });
    expect(second.issues.map((issue) => issue.code)).toEqual([COST_DATA_MISSING]);
  });

  it('falls back to the first account when no Cost Explorer account is configured (local runs, headroom scan)', async () => {
    ce.on(GetCostAndUsageCommand).resolves({ ResultsByTime: [] });
    mockForecast();
    const { asked, portsFor } = recordingPortsFor();

    await collectCosts(testContext(portsFor, { accounts: [MEMBER_A, HOME] }));

    expect(new Set(asked)).toEqual(new Set([MEMBER_A]));
  });

  it('lists the requested accounts no cost line names, once each, in request order', () => {
    const cost = (account: string) => ({ date: '2026-11-01', service: 'AWS Lambda', account, amountUsd: 1 });
    expect(accountsWithoutCosts([MEMBER_B, HOME, MEMBER_A, MEMBER_B], [cost(HOME), cost(HOME)])).toEqual([MEMBER_B, MEMBER_A]);
    expect(accountsWithoutCosts([HOME], [cost(HOME)])).toEqual([]);
  });
});
