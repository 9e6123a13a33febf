import type { Ec2InstanceSpec, PriceBook } from '../../pricing/price-book.js';

/**
 * The shape of a DB instance class: RDS classes are EC2 instance types with a `db.` prefix (db.m6g.large runs on an
 * m6g.large: same vCPUs and memory), so the EC2 catalogue gives their specification.
 */
export function dbClassSpec(prices: PriceBook, instanceClass: string): Ec2InstanceSpec | undefined {
  const spec = prices.ec2Spec(instanceClass.replace(/^db\./, ''));
  return spec && spec.vcpu !== null && spec.memoryGiB !== null ? spec : undefined;
}

/** Bytes per unit of DBInstanceClassMemory in the default max_connections formulas. */
const MYSQL_BYTES_PER_CONNECTION = 12_582_880;
const POSTGRES_BYTES_PER_CONNECTION = 9_531_392;
const POSTGRES_MAX_CONNECTIONS_CAP = 5000;

/**
 * The default `max_connections` of the engine's default parameter group on a class with `memoryGiB` (RDS User Guide,
 * "Maximum number of database connections"): MySQL and MariaDB {DBInstanceClassMemory/12582880}, PostgreSQL
 * LEAST({DBInstanceClassMemory/9531392}, 5000). DBInstanceClassMemory is a little below the class memory (the OS
 * reserves some), so this slightly overstates the limit; undefined for other engines.
 *
 * Example: db.m5.large (8 GiB) PostgreSQL → ⌊8 × 2³⁰ / 9,531,392⌋ = 901.
 */
export function defaultMaxConnections(engine: string, memoryGiB: number): number | undefined {
  const bytes = memoryGiB * 2 ** 30;
  const e = engine.toLowerCase();
  if (e === 'mysql' || e === 'mariadb') return Math.floor(bytes / MYSQL_BYTES_PER_CONNECTION);
  if (e === 'postgres') return Math.min(POSTGRES_MAX_CONNECTIONS_CAP, Math.floor(bytes / POSTGRES_BYTES_PER_CONNECTION));
  return undefined;
}
