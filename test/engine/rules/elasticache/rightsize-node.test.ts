import { describe, expect, it } from 'vitest';
import { rightsizeCacheNode } from '../../../../lambdas/engine/rules/elasticache/rightsize-node.js';
import { context, slice } from '../fixtures.js';
import { cacheCluster, cacheMetric } from './support.js';

const GIB = 2 ** 30;
const redisMetrics = (arn: string, engineCpu: number, memoryPercent: number) => [
  cacheMetric(arn, 'EngineCPUUtilization', () => engineCpu),
  cacheMetric(arn, 'DatabaseMemoryUsagePercentage', () => memoryPercent),
];

describe('elasticache/rightsize-node', () => {
  it('moves a Redis OSS r5.xlarge using 20 % of its memory to the cheapest node holding it (Graviton)', () => {
    const res = cacheCluster({ numNodes: 3 });
    // 26.32 GiB × 0.2 × 1.2 = 6.3 GiB → m6g.large (6.38 GiB, $0.149)
    const [finding] = rightsizeCacheNode.evaluate(slice(res, redisMetrics(res.arn, 10, 20)), context());
    expect(finding.proposed).toEqual({ nodeType: 'cache.m6g.large', vcpu: 2, memoryGiB: 6.38 });
    expect(finding.monthlySavingsUsd).toBeCloseTo(3 * (0.431 - 0.149) * 730, 1);
    expect(finding.effort).toBe('low');
  });

  it('keeps x86 when the engine version predates Graviton support', () => {
    const res = cacheCluster({ engineVersion: '5.0.5' });
    const [finding] = rightsizeCacheNode.evaluate(slice(res, redisMetrics(res.arn, 10, 20)), context());
    expect(finding.proposed.nodeType).toBe('cache.m5.large');
  });

  it('keeps the vCPUs of a busy engine and leaves a saturated one alone', () => {
    const busy = cacheCluster();
    const [finding] = rightsizeCacheNode.evaluate(slice(busy, redisMetrics(busy.arn, 60, 20)), context());
    expect(finding.proposed.vcpu).toBeGreaterThanOrEqual(4);
    const saturated = cacheCluster();
    expect(rightsizeCacheNode.evaluate(slice(saturated, redisMetrics(saturated.arn, 90, 20)), context())).toEqual([]);
  });

  it('sizes Memcached on bytes used and total CPU, with effort high (a new cluster)', () => {
    const res = cacheCluster({ engine: 'memcached', engineVersion: '1.6.22', nodeType: 'cache.m5.2xlarge' });
    const metrics = [cacheMetric(res.arn, 'CPUUtilization', () => 10), cacheMetric(res.arn, 'BytesUsedForCacheItems', () => 4 * GIB, 'Bytes')];
    const [finding] = rightsizeCacheNode.evaluate(slice(res, metrics), context());
    // 4 GiB × 1.2 = 4.8 GiB; 8 vCPU × 0.1 × 1.2 = 0.96 vCPU → m6g.large
    expect(finding.proposed.nodeType).toBe('cache.m6g.large');
    expect(finding.effort).toBe('high');
  });

  it('passes a full cache and a cluster without memory metrics', () => {
    const full = cacheCluster({ nodeType: 'cache.r6g.large' });
    expect(rightsizeCacheNode.evaluate(slice(full, redisMetrics(full.arn, 10, 85)), context())).toEqual([]);
    const res = cacheCluster();
    expect(rightsizeCacheNode.evaluate(slice(res, redisMetrics(res.arn, 10, 20).slice(0, 1)), context())).toEqual([]);
  });
});
