import type { Prices } from '../../engine/types/snapshot.js';
import { ebsVolumeQuery, ec2InstanceQuery, type PriceQuery } from './price-queries.js';
import {
  dynamoDbQuery,
  ebsSnapshotQuery,
  loadBalancerQuery,
  logsQueries,
  natGatewayQuery,
  publicIpv4Query,
  RDS_ENGINES,
  rdsInstanceQuery,
  rdsStorageQueries,
} from './service-price-queries.js';

/**
 * One part of a region's Prices: the queries that price it (their records merged) and how the merged record is
 * written into Prices. `apply` returns how many prices it wrote; zero means the Price List had none for the part,
 * which the collector reports while the engine keeps its bundled prices for it.
 */
export interface PricePart {
  name: string;
  queries: PriceQuery[];
  apply(prices: Prices, found: Record<string, number>): number;
}

const count = (record: object | undefined): number => (record === undefined ? 0 : Object.keys(record).length);

/** The entries of `found` whose key is listed, renamed by the map; undefined when none is there. */
function pick<K extends string>(found: Record<string, number>, keys: readonly K[]): Partial<Record<K, number>> | undefined {
  const picked: Partial<Record<K, number>> = {};
  for (const key of keys) if (Object.hasOwn(found, key)) picked[key] = found[key];
  return count(picked) > 0 ? picked : undefined;
}

/** Every part of a region's Prices, in the order they are fetched. */
export function pricePartsFor(region: string): PricePart[] {
  return [
    { name: 'EC2 instances', queries: [ec2InstanceQuery(region)], apply: (prices, found) => count((prices.ec2HourlyUsd = found)) },
    { name: 'EBS volumes', queries: [ebsVolumeQuery(region)], apply: (prices, found) => count((prices.ebsGbMonthUsd = found)) },
    {
      name: 'EBS snapshots',
      queries: [ebsSnapshotQuery(region)],
      apply: (prices, found) => {
        if (found.standard !== undefined) prices.ebsSnapshotGbMonthUsd = found.standard;
        if (found.archive !== undefined) prices.ebsSnapshotArchiveGbMonthUsd = found.archive;
        return count(pick(found, ['standard', 'archive']));
      },
    },
    {
      name: 'RDS',
      queries: [...Object.keys(RDS_ENGINES).map((engine) => rdsInstanceQuery(region, engine)), ...rdsStorageQueries(region)],
      apply: (prices, found) => {
        const byEngine: Record<string, Record<string, number>> = {};
        for (const [key, usd] of Object.entries(found)) {
          const [engine, instanceClass] = key.split('/');
          if (engine !== undefined && instanceClass !== undefined) (byEngine[engine] ??= {})[instanceClass] = usd;
        }
        if (count(byEngine) > 0) prices.rdsHourlyUsd = byEngine;
        // gp2 and gp3 storage cost the same per GB-month today; gp2 is the older, always-listed one.
        const storage = found.gp2 ?? found.gp3;
        if (storage !== undefined) prices.rdsStorageGbMonthUsd = storage;
        if (found.backup !== undefined) prices.rdsSnapshotGbMonthUsd = found.backup;
        return Object.values(byEngine).reduce((sum, classes) => sum + count(classes), 0) + (storage === undefined ? 0 : 1) + (found.backup === undefined ? 0 : 1);
      },
    },
    {
      name: 'NAT gateway',
      queries: [natGatewayQuery(region)],
      apply: (prices, found) => {
        const nat = pick(found, ['hourlyUsd', 'perGbProcessedUsd'] as const);
        if (nat !== undefined) prices.natGateway = nat;
        return count(nat);
      },
    },
    {
      name: 'public IPv4 addresses',
      queries: [publicIpv4Query(region)],
      apply: (prices, found) => {
        const hourly = found.idle ?? found.inUse;
        if (hourly !== undefined) prices.elasticIpHourlyUsd = hourly;
        return hourly === undefined ? 0 : 1;
      },
    },
    {
      name: 'load balancers',
      queries: [loadBalancerQuery(region)],
      apply: (prices, found) => {
        if (count(found) > 0) prices.loadBalancerHourlyUsd = found;
        return count(found);
      },
    },
    {
      name: 'DynamoDB',
      queries: [dynamoDbQuery(region)],
      apply: (prices, found) => {
        const dynamo = pick(found, ['wcuHourUsd', 'rcuHourUsd', 'writeRequestUnitUsd', 'readRequestUnitUsd', 'storageGbMonthUsd'] as const);
        if (dynamo !== undefined) prices.dynamoDb = dynamo;
        return count(dynamo);
      },
    },
    {
      name: 'CloudWatch Logs',
      queries: logsQueries(region),
      apply: (prices, found) => {
        const logs = pick(found, ['ingestionGbUsd', 'storageGbMonthUsd'] as const);
        if (logs !== undefined) prices.logs = logs;
        return count(logs);
      },
    },
  ];
}
