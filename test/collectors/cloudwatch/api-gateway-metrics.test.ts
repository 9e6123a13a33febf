import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectMetrics } from '../../../lambdas/collectors/cloudwatch/collect-metrics.js';
import { normaliseRestApi, normaliseV2Api } from '../../../lambdas/collectors/inventory/normalise-api.js';
import { ACCOUNT, testContext } from '../helpers/context.js';

const cloudwatch = mockClient(CloudWatchClient);
beforeEach(() => {
  cloudwatch.on(ListMetricsCommand).resolves({ Metrics: [] });
  cloudwatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
});
afterEach(() => cloudwatch.reset());

const where = { account: ACCOUNT, region: 'us-east-1' };

/** The queries of every GetMetricData call as `namespace metric stat dimension=value`. */
function askedFor(): string[] {
  return cloudwatch
    .commandCalls(GetMetricDataCommand)
    .flatMap((call) => call.args[0].input.MetricDataQueries ?? [])
    .map(({ MetricStat: s }) => `${s?.Metric?.Namespace} ${s?.Metric?.MetricName} ${s?.Stat} ${(s?.Metric?.Dimensions ?? []).map((d) => `${d.Name}=${d.Value}`).join(',')}`);
}

describe('collectMetrics for API Gateway APIs', () => {
  it('asks REST APIs by ApiName for Latency (Average, p95, p99), Count, 4XXError and 5XXError', async () => {
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await context.store.putResources([normaliseRestApi({ id: 'fugvjdxtri', name: 'orders-api', endpointConfiguration: { types: ['REGIONAL'] } }, where)]);

    await collectMetrics(context);

    expect(askedFor()).toEqual([
      'AWS/ApiGateway Latency Average ApiName=orders-api',
      'AWS/ApiGateway Latency p95 ApiName=orders-api',
      'AWS/ApiGateway Latency p99 ApiName=orders-api',
      'AWS/ApiGateway Count Sum ApiName=orders-api',
      'AWS/ApiGateway 4XXError Sum ApiName=orders-api',
      'AWS/ApiGateway 5XXError Sum ApiName=orders-api',
    ]);
  });

  it('asks HTTP APIs by ApiId for Latency, Count, 4xx and 5xx, and WebSocket APIs for their own metrics', async () => {
    const context = testContext(createAwsPortsFor({ builders: allAwsAdapters }));
    await context.store.putResources([
      normaliseV2Api({ ApiId: 'a1b2c3d4e5', Name: 'catalog-http', ProtocolType: 'HTTP', RouteSelectionExpression: '$request.method $request.path' }, where),
      normaliseV2Api({ ApiId: 'w5s6t7u8v9', Name: 'chat-ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }, where),
    ]);

    await collectMetrics(context);

    expect(askedFor().sort()).toEqual(
      [
        'AWS/ApiGateway Latency Average ApiId=a1b2c3d4e5',
        'AWS/ApiGateway Latency p95 ApiId=a1b2c3d4e5',
        'AWS/ApiGateway Latency p99 ApiId=a1b2c3d4e5',
        'AWS/ApiGateway Count Sum ApiId=a1b2c3d4e5',
        'AWS/ApiGateway 4xx Sum ApiId=a1b2c3d4e5',
        'AWS/ApiGateway 5xx Sum ApiId=a1b2c3d4e5',
        'AWS/ApiGateway MessageCount Sum ApiId=w5s6t7u8v9',
        'AWS/ApiGateway ClientError Sum ApiId=w5s6t7u8v9',
        'AWS/ApiGateway ExecutionError Sum ApiId=w5s6t7u8v9',
        'AWS/ApiGateway IntegrationLatency p99 ApiId=w5s6t7u8v9',
      ].sort(),
    );
  });
});
