/**
 * Amazon ElastiCache node-based on-demand prices for us-east-1 (US East, N. Virginia), USD per node-hour, from
 * https://aws.amazon.com/elasticache/pricing/ (Price List API service code AmazonElastiCache, product family "Cache
 * Instance", usage type NodeUsage:<type>; checked 2026-12-08). Redis OSS and Memcached nodes cost the same; Valkey
 * nodes are 20 % below Redis OSS on every node type (same page: "priced 20 % lower than other supported engines").
 *
 * Node memory (GiB) and vCPUs are the published specifications (ElastiCache User Guide, "Supported node types").
 * Graviton (t4g, m6g, m7g, r6g, r7g) nodes need Redis OSS 5.0.6+ or Memcached 1.5.16+ (same guide); every Valkey
 * version runs on them.
 */
export type CacheEngine = 'redis' | 'valkey' | 'memcached';

export interface CacheNodeSpec {
  nodeType: string;
  family: string;
  generation: number;
  vcpu: number;
  memoryGiB: number;
  /** Redis OSS and Memcached USD/node-hour (Valkey: × VALKEY_PRICE_FACTOR). */
  usdPerHour: number;
  architecture: 'arm64' | 'x86_64';
  burstable: boolean;
}

export const VALKEY_PRICE_FACTOR = 0.8;

/** [nodeType, vCPU, memory GiB, Redis OSS USD/hour]. */
const ROWS: ReadonlyArray<readonly [string, number, number, number]> = [
  ['cache.t3.micro', 2, 0.5, 0.017],
  ['cache.t3.small', 2, 1.37, 0.034],
  ['cache.t3.medium', 2, 3.09, 0.068],
  ['cache.t4g.micro', 2, 0.5, 0.016],
  ['cache.t4g.small', 2, 1.37, 0.032],
  ['cache.t4g.medium', 2, 3.09, 0.065],
  ['cache.m5.large', 2, 6.38, 0.156],
  ['cache.m5.xlarge', 4, 12.93, 0.311],
  ['cache.m5.2xlarge', 8, 26.04, 0.623],
  ['cache.m5.4xlarge', 16, 52.26, 1.245],
  ['cache.m6g.large', 2, 6.38, 0.149],
  ['cache.m6g.xlarge', 4, 12.93, 0.297],
  ['cache.m6g.2xlarge', 8, 26.04, 0.593],
  ['cache.m6g.4xlarge', 16, 52.26, 1.186],
  ['cache.m7g.large', 2, 6.38, 0.158],
  ['cache.m7g.xlarge', 4, 12.93, 0.315],
  ['cache.m7g.2xlarge', 8, 26.04, 0.629],
  ['cache.m7g.4xlarge', 16, 52.26, 1.257],
  ['cache.r5.large', 2, 13.07, 0.216],
  ['cache.r5.xlarge', 4, 26.32, 0.431],
  ['cache.r5.2xlarge', 8, 52.82, 0.862],
  ['cache.r5.4xlarge', 16, 105.81, 1.724],
  ['cache.r6g.large', 2, 13.07, 0.206],
  ['cache.r6g.xlarge', 4, 26.32, 0.411],
  ['cache.r6g.2xlarge', 8, 52.82, 0.821],
  ['cache.r6g.4xlarge', 16, 105.81, 1.642],
  ['cache.r7g.large', 2, 13.07, 0.219],
  ['cache.r7g.xlarge', 4, 26.32, 0.437],
  ['cache.r7g.2xlarge', 8, 52.82, 0.873],
  ['cache.r7g.4xlarge', 16, 105.81, 1.745],
];

/** The bundled node types, keyed by name. */
export const CACHE_NODE_CATALOGUE: ReadonlyMap<string, CacheNodeSpec> = new Map(
  ROWS.map(([nodeType, vcpu, memoryGiB, usdPerHour]) => {
    const family = nodeType.split('.')[1];
    return [
      nodeType,
      {
        nodeType,
        family,
        generation: Number(/\d+/.exec(family)?.[0] ?? 0),
        vcpu,
        memoryGiB,
        usdPerHour,
        architecture: /\dg$/.test(family) ? 'arm64' : 'x86_64',
        burstable: family.startsWith('t'),
      },
    ] as const;
  }),
);

/** Bundled USD per node-hour of a node type for an engine; undefined when the type is not bundled. */
export function bundledCacheNodeHourlyUsd(nodeType: string, engine: CacheEngine): number | undefined {
  const spec = CACHE_NODE_CATALOGUE.get(nodeType);
  if (!spec) return undefined;
  return engine === 'valkey' ? spec.usdPerHour * VALKEY_PRICE_FACTOR : spec.usdPerHour;
}
