import { describe, expect, it } from 'vitest';
import { restToHttpApi } from '../../../../lambdas/engine/rules/apigateway/rest-to-http-api.js';
import { tieredRequestsUsd, REST_API_REQUEST_TIERS, HTTP_API_REQUEST_TIERS } from '../../../../lambdas/engine/pricing/apigateway-prices.js';
import { context, resource, series, slice } from '../fixtures.js';

const api = (extra: Record<string, unknown> = {}) => resource('apigateway:api', 'orders', { protocol: 'REST', apiId: 'a1b2c3', endpointType: 'REGIONAL', ...extra });
/** 14 days of 5-minute Count sums summing to `perMonth` requests a month (730 h). */
const counts = (arn: string, perMonth: number, days = 14) => {
  const perPoint = perMonth / ((730 * 3600) / 300);
  return [series(arn, 'Count', 'Sum', () => perPoint, { days, namespace: 'AWS/ApiGateway' })];
};

describe('apigateway/rest-to-http-api', () => {
  it('saves the REST minus the HTTP request charge: 100M requests a month → $350 − $100', () => {
    const a = api();
    const [finding] = restToHttpApi.evaluate(slice(a, counts(a.arn, 100e6)), context());
    expect(finding.monthlySavingsUsd).toBeCloseTo(250, 0);
    expect(finding).toMatchObject({ domain: 'web', proposed: { protocol: 'HTTP' }, effort: 'high', reversible: true, automation: { executor: null } });
    expect(finding.evidence.statistics).toMatchObject({ restMonthlyUsd: 350, httpMonthlyUsd: 100 });
  });

  it('halves confidence because REST-only features are unknown, and lowers it again for an EDGE endpoint', () => {
    const regional = api();
    const edge = api({ endpointType: 'EDGE' });
    expect(restToHttpApi.evaluate(slice(regional, counts(regional.arn, 50e6)), context())[0].confidence).toBe(0.5);
    expect(restToHttpApi.evaluate(slice(edge, counts(edge.arn, 50e6)), context())[0].confidence).toBe(0.4);
  });

  it('prices graduated tiers: each tier bills only its own requests', () => {
    expect(tieredRequestsUsd(1e9, REST_API_REQUEST_TIERS)).toBeCloseTo(333 * 3.5 + 667 * 2.8, 6);
    expect(tieredRequestsUsd(1e9, HTTP_API_REQUEST_TIERS)).toBeCloseTo(300 * 1 + 700 * 0.9, 6);
    expect(tieredRequestsUsd(21e9, REST_API_REQUEST_TIERS)).toBeCloseTo(333 * 3.5 + 667 * 2.8 + 19_000 * 2.38 + 1000 * 1.51, 3);
  });

  it('passes HTTP, WebSocket and PRIVATE REST APIs, and one observed for under 7 days', () => {
    for (const config of [{ protocol: 'HTTP' }, { protocol: 'WEBSOCKET' }, { endpointType: 'PRIVATE' }]) {
      const a = api(config);
      expect(restToHttpApi.evaluate(slice(a, counts(a.arn, 100e6)), context())).toEqual([]);
    }
    const young = api();
    expect(restToHttpApi.evaluate(slice(young, counts(young.arn, 100e6, 6)), context())).toEqual([]);
  });

  it('flags just over 1M requests a month and nothing just under it', () => {
    const a = api();
    expect(restToHttpApi.evaluate(slice(a, counts(a.arn, 0.99e6)), context())).toEqual([]);
    expect(restToHttpApi.evaluate(slice(a, counts(a.arn, 1.01e6)), context())).toHaveLength(1);
  });
});
