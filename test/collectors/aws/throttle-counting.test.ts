import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { collectCosts } from '../../../lambdas/collectors/cost-explorer/collect-costs.js';
import { ACCOUNT, testContext } from '../helpers/context.js';

interface FakeResponse {
  statusCode: number;
  body: unknown;
  errorType?: string;
}

/**
 * A stand-in for the SDK's HTTP handler: the real client (signing, the awsJson1_1 protocol, the
 * adaptive retry strategy, our middleware) runs, only the network is replaced. Cost Explorer answers
 * from the queue in order; each request's target header is recorded.
 */
function fakeHttpHandler(queue: FakeResponse[]) {
  const targets: string[] = [];
  return {
    targets,
    handler: {
      metadata: { handlerProtocol: 'h1' },
      async handle(request: { headers: Record<string, string> }) {
        targets.push(request.headers['x-amz-target'] ?? '');
        const next = queue.shift();
        if (next === undefined) throw new Error('the fake endpoint ran out of responses');
        const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${targets.length}` };
        if (next.errorType) headers['x-amzn-errortype'] = next.errorType;
        return { response: { statusCode: next.statusCode, headers, body: new TextEncoder().encode(JSON.stringify(next.body)) } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

/**
 * Runs `work` under fake timers, advancing them until it settles: the SDK's backoff and the adaptive
 * rate limiter really wait (up to seconds), the test does not.
 */
async function withoutWaiting<T>(work: () => Promise<T>): Promise<T> {
  let settled = false;
  const promise = work().finally(() => {
    settled = true;
  });
  while (!settled) await vi.advanceTimersByTimeAsync(500);
  return promise;
}

describe('throttling through the real SDK client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('retries a ThrottlingException with the adaptive retry, succeeds, and counts the throttle in the report', async () => {
    const { handler, targets } = fakeHttpHandler([
      { statusCode: 400, errorType: 'ThrottlingException', body: { __type: 'ThrottlingException', message: 'Rate exceeded' } },
      { statusCode: 200, body: { ResultsByTime: [{ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Groups: [{ Keys: ['AWS Lambda', ACCOUNT], Metrics: { UnblendedCost: { Amount: '4.2', Unit: 'USD' } } }] }] } },
      { statusCode: 200, body: { Total: { Amount: '100', Unit: 'USD' }, ForecastResultsByTime: [] } },
    ]);
    const portsFor = createAwsPortsFor({
      builders: allAwsAdapters,
      maxAttempts: 3,
      credentialsFor: () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }),
      clientConfig: { requestHandler: handler },
    });
    const context = testContext(portsFor);

    const report = await withoutWaiting(() => collectCosts(context));

    expect(targets).toEqual(['AWSInsightsIndexService.GetCostAndUsage', 'AWSInsightsIndexService.GetCostAndUsage', 'AWSInsightsIndexService.GetCostForecast']);
    expect(report.throttles).toBe(1);
    expect(report.calls['ce:GetCostAndUsage']).toBe(1);
    expect(report.issues).toEqual([]);
    expect(await context.store.listCosts()).toEqual([{ date: '2026-11-01', account: ACCOUNT, service: 'AWS Lambda', amountUsd: 4.2 }]);
  });

  it('records an issue when throttling outlasts the retries, counting every throttled attempt', async () => {
    const throttled = { statusCode: 400, errorType: 'ThrottlingException', body: { __type: 'ThrottlingException', message: 'Rate exceeded' } };
    const { handler } = fakeHttpHandler([throttled, throttled, { statusCode: 200, body: { Total: { Amount: '1', Unit: 'USD' } } }]);
    const portsFor = createAwsPortsFor({
      builders: allAwsAdapters,
      maxAttempts: 2,
      credentialsFor: () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
      clientConfig: { requestHandler: handler },
    });

    const report = await withoutWaiting(() => collectCosts(testContext(portsFor)));

    expect(report.throttles).toBe(2);
    expect(report.issues).toEqual([expect.objectContaining({ code: 'ThrottlingException', message: 'Rate exceeded' })]);
  });
});
