import { describe, expect, it } from 'vitest';
import { generateSampleAccount } from '../../../lambdas/local/sample-account/generate.js';
import { createSampleInventoryPort } from '../../../lambdas/local/sample-account/inventory-port.js';

const account = generateSampleAccount({ resources: 200 });
const samples = account.resources.filter((s) => s.resource.region === 'us-east-1');

describe('sample ECS and ElastiCache inventory', () => {
  it('pages ListClusters and ListServices by nextToken and rejects a token replayed on another request', async () => {
    const port = createSampleInventoryPort(samples, { maxPageSize: 2 });
    const first = await port.listClusters({});
    expect(first.clusterArns).toHaveLength(2);
    expect(first.nextToken).toBeDefined();
    const cluster = first.clusterArns![0];
    const services = await port.listServices({ cluster, maxResults: 100 });
    expect(services.serviceArns).toHaveLength(2);
    await expect(port.listServices({ cluster: first.clusterArns![1], nextToken: services.nextToken })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(port.listServices({ cluster: 'no-such-cluster' })).rejects.toMatchObject({ name: 'ClusterNotFoundException' });
  });

  it('describes at most 10 services, reports unknown ones as failures and returns tags only when asked', async () => {
    const port = createSampleInventoryPort(samples);
    const [cluster] = (await port.listClusters({})).clusterArns!;
    const { serviceArns } = await port.listServices({ cluster });
    const described = await port.describeServices({ cluster, services: [...serviceArns!, `${cluster}/ghost`], include: ['TAGS'] });
    expect(described.services).toHaveLength(serviceArns!.length);
    expect(described.failures).toEqual([{ arn: `${cluster}/ghost`, reason: 'MISSING' }]);
    expect(described.services![0].tags?.length).toBeGreaterThan(0);
    expect((await port.describeServices({ cluster, services: serviceArns! })).services![0].tags).toBeUndefined();
    await expect(port.describeServices({ cluster, services: Array.from({ length: 11 }, (_, i) => `s${i}`) })).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('pages DescribeCacheClusters by Marker within MaxRecords 20–100', async () => {
    const port = createSampleInventoryPort(samples, { maxPageSize: 3 });
    const first = await port.describeCacheClusters({ MaxRecords: 20 });
    expect(first.CacheClusters).toHaveLength(3);
    const second = await port.describeCacheClusters({ MaxRecords: 20, Marker: first.Marker });
    expect(second.CacheClusters![0].CacheClusterId).not.toBe(first.CacheClusters![0].CacheClusterId);
    await expect(port.describeCacheClusters({ MaxRecords: 10 })).rejects.toMatchObject({ name: 'InvalidParameterValue' });
  });
});
