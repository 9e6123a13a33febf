import { describe, expect, it } from 'vitest';
import { awsCostExplorerPort } from '../../../lambdas/collectors/aws/cost-explorer-adapter.js';
import { CountingThrottleMeter } from '../../../lambdas/collectors/aws/throttle-meter.js';

/** Records the host each request goes to, then answers an empty GetCostAndUsage result. */
function recordingHandler() {
  const hosts: string[] = [];
  return {
    hosts,
    handler: {
      metadata: { handlerProtocol: 'h1' },
      async handle(request: { hostname: string }) {
        hosts.push(request.hostname);
        const headers = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' };
        return { response: { statusCode: 200, headers, body: new TextEncoder().encode(JSON.stringify({ ResultsByTime: [] })) } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

describe('awsCostExplorerPort', () => {
  it.each([
    ['eu-west-1', 'ce.us-east-1.amazonaws.com'],
    ['cn-north-1', 'ce.cn-northwest-1.amazonaws.com.cn'],
  ])('sends a collector in %s to its partition’s Cost Explorer endpoint (%s)', async (region, host) => {
    const { hosts, handler } = recordingHandler();
    const port = awsCostExplorerPort(
      { region, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }, maxAttempts: 1, extra: { requestHandler: handler } },
      new CountingThrottleMeter(),
    );
    await port.getCostAndUsage({ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Granularity: 'DAILY', Metrics: ['UnblendedCost'] });
    expect(hosts).toEqual([host]);
  });
});
