import { describe, expect, it } from 'vitest';
import { idleCacheCluster } from '../../../../lambdas/engine/rules/elasticache/idle-cluster.js';
import { context, slice } from '../fixtures.js';
import { cacheCluster, cacheMetric } from './support.js';

const connections = (arn: string, fn: (i: number) => number, days = 14) => cacheMetric(arn, 'CurrConnections', fn, 'Count', days);

describe('elasticache/idle-cluster', () => {
  it("flags a cluster holding only ElastiCache's own monitoring connections for 7 days", () => {
    const res = cacheCluster({ numNodes: 2, replicationGroupId: 'sessions' });
    const [finding] = idleCacheCluster.evaluate(slice(res, [connections(res.arn, (i) => 2 + (i % 3))]), context());
    expect(finding.proposed).toEqual({ status: 'deleted', finalBackup: true, replicationGroupId: 'sessions' });
    expect(finding.monthlySavingsUsd).toBeCloseTo(2 * 0.431 * 730, 2);
    expect(finding.reversible).toBe(true);
  });

  it('prices Valkey 20 % below Redis OSS and says a Memcached deletion cannot be undone', () => {
    const valkey = cacheCluster({ engine: 'valkey' });
    const [v] = idleCacheCluster.evaluate(slice(valkey, [connections(valkey.arn, () => 3)]), context());
    expect(v.monthlySavingsUsd).toBeCloseTo(0.431 * 0.8 * 730, 2);
    const memcached = cacheCluster({ engine: 'memcached', engineVersion: '1.6.22' });
    const [m] = idleCacheCluster.evaluate(slice(memcached, [connections(memcached.arn, () => 3)]), context());
    expect(m.reversible).toBe(false);
    expect(m.proposed.finalBackup).toBe(false);
  });

  it('passes a cluster with a fifth connection yesterday, short histories and unpriced node types', () => {
    const res = cacheCluster();
    const count = 14 * 288;
    expect(idleCacheCluster.evaluate(slice(res, [connections(res.arn, (i) => (i === count - 100 ? 5 : 3))]), context())).toEqual([]);
    expect(idleCacheCluster.evaluate(slice(res, [connections(res.arn, () => 0, 4)]), context())).toEqual([]);
    const exotic = cacheCluster({ nodeType: 'cache.x2gd.large' });
    expect(idleCacheCluster.evaluate(slice(exotic, [connections(exotic.arn, () => 0)]), context())).toEqual([]);
  });
});
