import { describe, expect, it } from 'vitest';
import { generateSampleAccount } from '../../../lambdas/local/sample-account/generate.js';
import { createSampleInventoryPort } from '../../../lambdas/local/sample-account/inventory-port.js';
import { publishedMetrics } from '../../../lambdas/local/sample-account/metrics.js';

const account = generateSampleAccount({ resources: 400 });
const samples = account.resources.filter((s) => s.resource.region === 'us-east-1');
const apis = samples.filter((s) => s.resource.type === 'apigateway:api');

describe('sample API Gateway inventory', () => {
  it('has busy REGIONAL and PRIVATE REST APIs and an HTTP API', () => {
    const kinds = apis.map((a) => `${String(a.resource.config.protocol)}/${String(a.resource.config.endpointType ?? '-')}`);
    expect(new Set(kinds)).toEqual(new Set(['REST/REGIONAL', 'HTTP/-', 'REST/PRIVATE']));
  });

  it('pages GetRestApis by position within limit 1–500 and rejects a position replayed on another request', async () => {
    const port = createSampleInventoryPort(samples, { maxPageSize: 1 });
    const first = await port.getRestApis({ limit: 500 });
    expect(first.items).toHaveLength(1);
    expect(first.items![0].endpointConfiguration?.types).toHaveLength(1);
    const second = await port.getRestApis({ limit: 500, position: first.position });
    expect(second.items![0].id).not.toBe(first.items![0].id);
    await expect(port.getRestApis({ limit: 400, position: first.position })).rejects.toMatchObject({ name: 'BadRequestException' });
    await expect(port.getRestApis({ limit: 501 })).rejects.toMatchObject({ name: 'BadRequestException' });
  });

  it('lists HTTP APIs from GetApis with their tags, and publishes REST metrics by ApiName, HTTP ones by ApiId', async () => {
    const { Items } = await createSampleInventoryPort(samples).getApis({});
    expect(Items?.map((i) => i.ProtocolType)).toEqual(apis.filter((a) => a.resource.config.protocol === 'HTTP').map(() => 'HTTP'));
    expect(Object.keys(Items![0].Tags ?? {})).toContain('team');
    const rest = apis.find((a) => a.resource.config.protocol === 'REST')!;
    const http = apis.find((a) => a.resource.config.protocol === 'HTTP')!;
    expect(publishedMetrics(rest, account.seed).find((m) => m.metricName === 'Count')?.dimensions).toEqual([{ Name: 'ApiName', Value: rest.resource.name }]);
    expect(publishedMetrics(http, account.seed).find((m) => m.metricName === 'Count')?.dimensions).toEqual([{ Name: 'ApiId', Value: http.resource.config.apiId }]);
  });
});
