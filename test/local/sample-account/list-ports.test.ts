import { describe, expect, it } from 'vitest';
import { generateSampleAccount } from '../../../lambdas/local/sample-account/generate.js';
import { createSampleInventoryPort } from '../../../lambdas/local/sample-account/inventory-port.js';
import { createSamplePortsFor } from '../../../lambdas/local/sample-account/sample-ports.js';

const account = generateSampleAccount();

describe('sample inventory port', () => {
  it('pages DescribeInstances by MaxResults with NextToken and applies the instance-state filter', async () => {
    const inventory = createSamplePortsFor(account)(account.accountId, 'us-east-1').inventory;
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await inventory.describeInstances({ MaxResults: 5, NextToken: token, Filters: [{ Name: 'instance-state-name', Values: ['running'] }] });
      ids.push(...(page.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map((i) => i.InstanceId ?? '')));
      expect((page.Reservations ?? []).length).toBeLessThanOrEqual(5);
      token = page.NextToken;
      pages += 1;
    } while (token);
    const running = account.resources.filter((r) => r.resource.region === 'us-east-1' && r.resource.type === 'ec2:instance' && r.resource.config.state === 'running');
    expect(ids).toHaveLength(running.length);
    expect(pages).toBe(Math.ceil(running.length / 5));
  });

  it('rejects page sizes outside the documented ranges', async () => {
    const inventory = createSamplePortsFor(account)(account.accountId, 'us-east-1').inventory;
    await expect(inventory.describeInstances({ MaxResults: 1001 })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(inventory.describeVolumes({ MaxResults: 4 })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await expect(inventory.listFunctions({ MaxItems: 0 })).rejects.toMatchObject({ name: 'InvalidParameterValueException' });
  });

  it('serves a page size above the maximum as the maximum, as ListFunctions and DescribeVolumes do', async () => {
    const big = generateSampleAccount({ resources: 600 });
    const inventory = createSamplePortsFor(big)(big.accountId, 'us-east-1').inventory;
    expect((await inventory.listFunctions({ MaxItems: 1000 })).Functions).toHaveLength(50);
    const volumes = big.resources.filter((r) => r.resource.type === 'ebs:volume' && r.resource.region === 'us-east-1').length;
    expect((await inventory.describeVolumes({ MaxResults: 1000 })).Volumes).toHaveLength(Math.min(volumes, 500));
    const co = createSamplePortsFor(big)(big.accountId, 'us-east-1').computeOptimizer;
    expect((await co.getEC2InstanceRecommendations({ maxResults: 0 })).instanceRecommendations?.length).toBeGreaterThan(0);
  });

  it('pages ListTables without losing or repeating names that differ in case (byte order throughout)', async () => {
    const tables = account.resources.filter((r) => r.resource.type === 'dynamodb:table').slice(0, 4);
    const renamed = tables.map((t, i) => ({ ...t, resource: { ...t.resource, name: ['apple', 'Banana', 'cherry', 'Date'][i] } }));
    const inventory = createSampleInventoryPort(renamed);
    const names: string[] = [];
    let start: string | undefined;
    do {
      const page = await inventory.listTables({ Limit: 1, ExclusiveStartTableName: start });
      names.push(...(page.TableNames ?? []));
      start = page.LastEvaluatedTableName;
    } while (start);
    expect(names).toEqual(['Banana', 'Date', 'apple', 'cherry']);
  });

  it('pages ListFunctions 50 at most with Marker/NextMarker and serves tags through ListTags only', async () => {
    const big = generateSampleAccount({ resources: 600 });
    const inventory = createSamplePortsFor(big)(big.accountId, 'us-east-1').inventory;
    const first = await inventory.listFunctions({});
    expect(first.Functions).toHaveLength(50);
    expect(first.NextMarker).toBeDefined();
    expect(first.Functions?.[0]).not.toHaveProperty('Tags');
    const second = await inventory.listFunctions({ Marker: first.NextMarker });
    expect(second.Functions?.[0].FunctionName).not.toBe(first.Functions?.[0].FunctionName);
    const tags = await inventory.listLambdaTags({ Resource: first.Functions?.[0].FunctionArn });
    expect(tags.Tags).toHaveProperty('team');
  });
});

it('pages ListTables after the last evaluated name and DescribeLogGroups with nextToken', async () => {
  const big = generateSampleAccount({ resources: 400 });
  const inventory = createSamplePortsFor(big)(big.accountId, 'us-east-1').inventory;
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await inventory.listTables({ Limit: 2, ExclusiveStartTableName: start });
    names.push(...(page.TableNames ?? []));
    start = page.LastEvaluatedTableName;
  } while (start);
  const expected = big.resources.filter((r) => r.resource.type === 'dynamodb:table' && r.resource.region === 'us-east-1').map((r) => r.resource.name).sort();
  expect(names).toEqual(expected);
  const groups = await inventory.describeLogGroups({ limit: 3 });
  expect(groups.logGroups).toHaveLength(3);
  expect(groups.logGroups?.[0].arn).toMatch(/:\*$/);
  expect(groups.nextToken).toBeDefined();
});

describe('sample Cost Explorer port', () => {
  const ce = createSamplePortsFor(account, { periodsPerPage: 30 })(account.accountId, 'us-east-1').costExplorer;

  it('answers string amounts per service per day and pages with NextPageToken', async () => {
    const request = {
      TimePeriod: { Start: '2026-08-31', End: '2026-11-29' },
      Granularity: 'DAILY' as const,
      Metrics: ['UnblendedCost'],
      GroupBy: [
        { Type: 'DIMENSION' as const, Key: 'SERVICE' },
        { Type: 'DIMENSION' as const, Key: 'LINKED_ACCOUNT' },
      ],
    };
    const first = await ce.getCostAndUsage(request);
    expect(first.ResultsByTime).toHaveLength(30);
    const amount = first.ResultsByTime?.[0].Groups?.[0].Metrics?.UnblendedCost;
    expect(typeof amount?.Amount).toBe('string');
    expect(amount?.Unit).toBe('USD');
    expect(first.ResultsByTime?.[0].Groups?.[0].Keys?.[1]).toBe(account.accountId);
    const second = await ce.getCostAndUsage({ ...request, NextPageToken: first.NextPageToken });
    const third = await ce.getCostAndUsage({ ...request, NextPageToken: second.NextPageToken });
    expect(third.NextPageToken).toBeUndefined();
    expect(third.ResultsByTime?.at(-1)?.TimePeriod).toEqual({ Start: '2026-11-28', End: '2026-11-29' });
  });

  it('filters by LINKED_ACCOUNT and refuses a forecast that starts in the past', async () => {
    const other = await ce.getCostAndUsage({ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Granularity: 'DAILY', Metrics: ['UnblendedCost'], Filter: { Dimensions: { Key: 'LINKED_ACCOUNT', Values: ['999999999999'] } } });
    expect(Number(other.ResultsByTime?.[0].Total?.UnblendedCost?.Amount)).toBe(0);
    await expect(ce.getCostForecast({ TimePeriod: { Start: '2026-11-01', End: '2026-12-01' }, Metric: 'UNBLENDED_COST', Granularity: 'DAILY' })).rejects.toMatchObject({ name: 'DataUnavailableException' });
    const forecast = await ce.getCostForecast({ TimePeriod: { Start: '2026-11-29', End: '2026-12-29' }, Metric: 'UNBLENDED_COST', Granularity: 'DAILY', PredictionIntervalLevel: 80 });
    expect(forecast.ForecastResultsByTime).toHaveLength(30);
    expect(Number(forecast.Total?.Amount)).toBeCloseTo(account.costForecast.meanUsd, 6);
  });
});

describe('sample Compute Optimizer port and denied scopes', () => {
  it('answers OptInRequiredException outside opted-in regions and denies foreign accounts and SCP-denied regions', async () => {
    const portsFor = createSamplePortsFor(account, { deniedRegions: ['ap-south-1'] });
    await expect(portsFor(account.accountId, 'eu-west-1').computeOptimizer.getEC2InstanceRecommendations({})).rejects.toMatchObject({ name: 'OptInRequiredException' });
    await expect(portsFor('999999999999', 'us-east-1').inventory.describeInstances({})).rejects.toMatchObject({ name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });
    await expect(portsFor(account.accountId, 'ap-south-1').cloudwatch.getMetricData({ MetricDataQueries: [], StartTime: new Date(0), EndTime: new Date(1) })).rejects.toMatchObject({ name: 'AccessDenied' });
    const sameDenial = createSamplePortsFor(account, { deniedRegions: ['eu-west-1'] });
    await expect(sameDenial(account.accountId, 'eu-west-1').costExplorer.getCostForecast({ TimePeriod: { Start: '2099-01-01', End: '2099-02-01' }, Metric: 'UNBLENDED_COST', Granularity: 'MONTHLY' })).resolves.toBeDefined();
    const eastDenied = createSamplePortsFor(account, { deniedRegions: ['us-east-1'] });
    await expect(eastDenied(account.accountId, 'eu-west-1').costExplorer.getCostAndUsage({ TimePeriod: { Start: '2026-01-01', End: '2026-01-02' }, Granularity: 'DAILY', Metrics: ['UnblendedCost'] })).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const page = await portsFor(account.accountId, 'us-east-1').computeOptimizer.getEC2InstanceRecommendations({ maxResults: 10 });
    expect(page.instanceRecommendations).toHaveLength(10);
    expect(page.nextToken).toBeDefined();
  });
});
