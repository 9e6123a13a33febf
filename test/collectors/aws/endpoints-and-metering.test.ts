import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allAwsAdapters } from '../../../lambdas/collectors/aws/all-adapters.js';
import { createAwsPortsFor } from '../../../lambdas/collectors/aws/aws-ports.js';
import { CountingThrottleMeter } from '../../../lambdas/collectors/aws/throttle-meter.js';
import type { CollectorPorts } from '../../../lambdas/collectors/ports.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/**
 * Stands in for the network: records where each request goes and answers from `respond` (the real client — endpoint
 * resolution, signing, retry, our middleware — runs). A body a protocol cannot parse fails the call after the
 * request was recorded, which is all the endpoint tests need.
 */
function recordingHandler(respond: (call: number) => { statusCode: number; errorType?: string; body: unknown } = () => ({ statusCode: 200, body: {} })) {
  const requests: { hostname: string; port?: number; target?: string }[] = [];
  return {
    requests,
    handler: {
      metadata: { handlerProtocol: 'h1' },
      async handle(request: { hostname: string; port?: number; headers: Record<string, string> }) {
        requests.push({ hostname: request.hostname, port: request.port, target: request.headers['x-amz-target'] });
        const answer = respond(requests.length);
        const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${requests.length}` };
        if (answer.errorType) headers['x-amzn-errortype'] = answer.errorType;
        return { response: { statusCode: answer.statusCode, headers, body: new TextEncoder().encode(JSON.stringify(answer.body)) } };
      },
      updateHttpClientConfig() {},
      httpHandlerConfigs: () => ({}),
    },
  };
}

/** One call through every SDK client the collectors build, with the env variable that names its endpoint. */
const CLIENT_CALLS: [string, (ports: CollectorPorts) => Promise<unknown>][] = [
  ['EC2', (p) => p.inventory.describeInstances({})],
  ['ELASTIC_LOAD_BALANCING_V2', (p) => p.inventory.describeLoadBalancers({})],
  ['LAMBDA', (p) => p.inventory.listFunctions({})],
  ['RDS', (p) => p.inventory.describeDBInstances({})],
  ['DYNAMODB', (p) => p.inventory.listTables({})],
  ['CLOUDWATCH_LOGS', (p) => p.inventory.describeLogGroups({})],
  ['CLOUDWATCH', (p) => p.cloudwatch.getMetricData({ MetricDataQueries: [], StartTime: new Date(0), EndTime: new Date(1) })],
  ['COST_EXPLORER', (p) => p.costExplorer.getCostAndUsage({ TimePeriod: { Start: '2026-11-01', End: '2026-11-02' }, Granularity: 'DAILY', Metrics: ['UnblendedCost'] })],
  ['COMPUTE_OPTIMIZER', (p) => p.computeOptimizer.getEC2InstanceRecommendations({})],
  ['PRICING', (p) => p.pricing!.getProducts({ ServiceCode: 'AmazonEC2' })],
];

describe('every collector client honours the standard endpoint and region settings', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    for (const name of Object.keys(process.env)) if (name.startsWith('AWS_ENDPOINT_URL')) delete process.env[name];
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it.each(CLIENT_CALLS)('AWS_ENDPOINT_URL_%s points that client at a local endpoint', async (service, call) => {
    process.env[`AWS_ENDPOINT_URL_${service}`] = `http://127.0.0.1:45${String(CLIENT_CALLS.findIndex(([s]) => s === service)).padStart(2, '0')}`;
    const { requests, handler } = recordingHandler();
    const ports = createAwsPortsFor({ builders: allAwsAdapters, maxAttempts: 1, credentialsFor: () => credentials, clientConfig: { requestHandler: handler } })('111122223333', 'eu-west-1');

    await call(ports).catch(() => undefined);

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ hostname: '127.0.0.1', port: Number(process.env[`AWS_ENDPOINT_URL_${service}`]?.split(':')[2]) });
  });

  it('AWS_ENDPOINT_URL points every client at one local endpoint', async () => {
    process.env.AWS_ENDPOINT_URL = 'http://localhost:4566';
    const { requests, handler } = recordingHandler();
    const ports = createAwsPortsFor({ builders: allAwsAdapters, maxAttempts: 1, credentialsFor: () => credentials, clientConfig: { requestHandler: handler } })('111122223333', 'eu-west-1');

    for (const [, call] of CLIENT_CALLS) await call(ports).catch(() => undefined);

    expect(requests.map((r) => `${r.hostname}:${r.port}`)).toEqual(CLIENT_CALLS.map(() => 'localhost:4566'));
  });

  it('without endpoint settings, regional clients go to the collected region and Price List to us-east-1', async () => {
    const { requests, handler } = recordingHandler();
    const ports = createAwsPortsFor({ builders: allAwsAdapters, maxAttempts: 1, credentialsFor: () => credentials, clientConfig: { requestHandler: handler } })('111122223333', 'eu-west-1');

    for (const [, call] of CLIENT_CALLS) await call(ports).catch(() => undefined);

    expect(requests.map((r) => r.hostname)).toEqual([
      'ec2.eu-west-1.amazonaws.com',
      'elasticloadbalancing.eu-west-1.amazonaws.com',
      'lambda.eu-west-1.amazonaws.com',
      'rds.eu-west-1.amazonaws.com',
      'dynamodb.eu-west-1.amazonaws.com',
      'logs.eu-west-1.amazonaws.com',
      'monitoring.eu-west-1.amazonaws.com',
      'ce.us-east-1.amazonaws.com',
      'compute-optimizer.eu-west-1.amazonaws.com',
      'api.pricing.us-east-1.amazonaws.com',
    ]);
  });
});

describe('CountingThrottleMeter on a real client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts calls, attempts and throttled attempts by IAM action, per (account, region) and in the run’s ledger', async () => {
    const throttled = { statusCode: 400, errorType: 'ThrottlingException', body: { __type: 'ThrottlingException', message: 'Rate exceeded' } };
    const ok = { statusCode: 200, body: {} };
    const answers = [throttled, ok, ok, ok];
    const { handler } = recordingHandler((n) => answers[n - 1] ?? ok);
    const ledger = new CountingThrottleMeter();
    const portsFor = createAwsPortsFor({ builders: allAwsAdapters, maxAttempts: 3, credentialsFor: () => credentials, clientConfig: { requestHandler: handler }, ledger });

    const work = (async () => {
      await portsFor('111122223333', 'us-east-1').computeOptimizer.getEC2InstanceRecommendations({});
      await portsFor('111122223333', 'us-east-1').computeOptimizer.getEBSVolumeRecommendations({});
      await portsFor('444455556666', 'us-east-1').computeOptimizer.getEC2InstanceRecommendations({});
    })();
    let settled = false;
    void work.finally(() => (settled = true));
    while (!settled) await vi.advanceTimersByTimeAsync(500);
    await work;

    expect(ledger.apiCalls()).toEqual({
      'compute-optimizer:GetEBSVolumeRecommendations': { calls: 1, attempts: 1, throttled: 0 },
      'compute-optimizer:GetEC2InstanceRecommendations': { calls: 2, attempts: 3, throttled: 1 },
    });
    expect(ledger.total()).toBe(1);
    expect(portsFor('111122223333', 'us-east-1').throttles?.total()).toBe(1);
    expect(portsFor('444455556666', 'us-east-1').throttles?.total()).toBe(0);
  });
});
