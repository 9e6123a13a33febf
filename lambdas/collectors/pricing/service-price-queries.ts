import type { Filter } from '@aws-sdk/client-pricing';
import { onDemandUsd, paidTierUsd, usageTypeOf, type PriceListItem } from './price-list-item.js';
import { match, type PriceQuery } from './price-queries.js';

/**
 * Price List queries for the services beyond EC2 instances and EBS volumes. Service codes, product families and
 * usage types as the Price List names them (AWS Price List offer files; public IPv4 moved to AmazonVPC in February
 * 2024). Each query keys a product by what it prices; price-parts.ts puts the keys into the snapshot's Prices.
 */

/** How one usage type is priced: the record key it fills, its unit, and whether a free tier comes first. */
interface UsagePrice {
  key: string;
  /** Undefined: any unit (the usagetype already names what is billed). */
  unit?: string;
  /** Tiered with a free allowance first: take the paid rate (paidTierUsd), not the first tier. */
  tiered?: boolean;
}

/** A query whose products are told apart by usagetype (region prefix removed). */
function byUsageType(label: string, serviceCode: string, filters: Filter[], usages: Record<string, UsagePrice>): PriceQuery {
  const usageOf = (item: PriceListItem): UsagePrice | undefined => {
    const usage = usageTypeOf(item);
    return usage !== undefined && Object.hasOwn(usages, usage) ? usages[usage] : undefined;
  };
  return {
    label,
    serviceCode,
    filters,
    keyOf: (item) => usageOf(item)?.key,
    priceOf: (item) => {
      const usage = usageOf(item);
      if (usage === undefined) return undefined;
      return usage.tiered ? paidTierUsd(item, usage.unit) : usage.unit === undefined ? paidTierUsd(item, undefined) : onDemandUsd(item, usage.unit);
    },
  };
}

/** EBS snapshot storage per GB-month: the standard tier and the archive tier. */
export function ebsSnapshotQuery(region: string): PriceQuery {
  return byUsageType('EBS snapshots', 'AmazonEC2', [match('productFamily', 'Storage Snapshot'), match('regionCode', region)], {
    'EBS:SnapshotUsage': { key: 'standard', unit: 'GB-Mo' },
    'EBS:SnapshotArchiveStorage': { key: 'archive', unit: 'GB-Mo' },
  });
}

/** NAT gateway: per hour it exists and per GB it processes (the zonal gateway; regional ones are another usage type). */
export function natGatewayQuery(region: string): PriceQuery {
  return byUsageType('NAT gateway', 'AmazonEC2', [match('productFamily', 'NAT Gateway'), match('regionCode', region)], {
    'NatGateway-Hours': { key: 'hourlyUsd', unit: 'Hrs' },
    'NatGateway-Bytes': { key: 'perGbProcessedUsd', unit: 'GB' },
  });
}

/**
 * Public IPv4 addresses per hour (AmazonVPC, group VPCPublicIPv4Address, no productFamily): an idle Elastic IP and
 * an in-use address cost the same today, and both are read so either can stand in for the other.
 */
export function publicIpv4Query(region: string): PriceQuery {
  return byUsageType('public IPv4 addresses', 'AmazonVPC', [match('group', 'VPCPublicIPv4Address'), match('regionCode', region)], {
    'PublicIPv4:IdleAddress': { key: 'idle', unit: 'Hrs' },
    'PublicIPv4:InUseAddress': { key: 'inUse', unit: 'Hrs' },
  });
}

/** Product family → load balancer type as DescribeLoadBalancers reports it (`classic` for the previous generation). */
const LOAD_BALANCER_FAMILIES: Record<string, string> = {
  'Load Balancer-Application': 'application',
  'Load Balancer-Network': 'network',
  'Load Balancer-Gateway': 'gateway',
  'Load Balancer': 'classic',
};

/** Load balancer hours by type (LoadBalancerUsage; the region's LCU products come in the same answer and are skipped). */
export function loadBalancerQuery(region: string): PriceQuery {
  return {
    label: 'load balancers',
    serviceCode: 'AWSELB',
    filters: [match('regionCode', region)],
    keyOf: (item) => {
      const family = item.product.productFamily;
      return usageTypeOf(item) === 'LoadBalancerUsage' && family !== undefined && Object.hasOwn(LOAD_BALANCER_FAMILIES, family) ? LOAD_BALANCER_FAMILIES[family] : undefined;
    },
    priceOf: (item) => onDemandUsd(item, 'Hrs'),
  };
}

/** DynamoDB Standard table class: provisioned capacity unit-hours, on-demand request units, storage. */
export function dynamoDbQuery(region: string): PriceQuery {
  return byUsageType('DynamoDB', 'AmazonDynamoDB', [match('regionCode', region)], {
    'WriteCapacityUnit-Hrs': { key: 'wcuHourUsd', tiered: true },
    'ReadCapacityUnit-Hrs': { key: 'rcuHourUsd', tiered: true },
    WriteRequestUnits: { key: 'writeRequestUnitUsd', tiered: true },
    ReadRequestUnits: { key: 'readRequestUnitUsd', tiered: true },
    'TimedStorage-ByteHrs': { key: 'storageGbMonthUsd', unit: 'GB-Mo', tiered: true },
  });
}

/** CloudWatch Logs Standard log class: ingestion per GB (Data Payload) and storage per GB-month (Storage Snapshot). */
export function logsQueries(region: string): PriceQuery[] {
  return [
    byUsageType('CloudWatch Logs ingestion', 'AmazonCloudWatch', [match('productFamily', 'Data Payload'), match('regionCode', region)], {
      'DataProcessing-Bytes': { key: 'ingestionGbUsd', unit: 'GB', tiered: true },
    }),
    byUsageType('CloudWatch Logs storage', 'AmazonCloudWatch', [match('productFamily', 'Storage Snapshot'), match('regionCode', region)], {
      'TimedStorage-ByteHrs': { key: 'storageGbMonthUsd', unit: 'GB-Mo', tiered: true },
    }),
  ];
}

/** Price List databaseEngine → the engine name DescribeDBInstances reports (the engines the bundled table knows). */
export const RDS_ENGINES: Record<string, string> = { PostgreSQL: 'postgres', MySQL: 'mysql', MariaDB: 'mariadb' };

/** RDS on-demand instance hours, Single-AZ, of one engine, keyed `engine/db.class` (Multi-AZ is twice, in the engine). */
export function rdsInstanceQuery(region: string, databaseEngine: string): PriceQuery {
  return {
    label: `RDS ${databaseEngine} instances`,
    serviceCode: 'AmazonRDS',
    filters: [match('productFamily', 'Database Instance'), match('regionCode', region), match('databaseEngine', databaseEngine), match('deploymentOption', 'Single-AZ')],
    keyOf: (item) => {
      const { databaseEngine: engine, instanceType, deploymentOption } = item.product.attributes;
      const name = engine === undefined ? undefined : RDS_ENGINES[engine];
      return name === undefined || instanceType === undefined || deploymentOption !== 'Single-AZ' ? undefined : `${name}/${instanceType}`;
    },
    priceOf: (item) => onDemandUsd(item, 'Hrs'),
  };
}

/** RDS General Purpose storage (Single-AZ) and backup storage beyond the free allowance, per GB-month. */
export function rdsStorageQueries(region: string): PriceQuery[] {
  return [
    byUsageType('RDS storage', 'AmazonRDS', [match('productFamily', 'Database Storage'), match('regionCode', region), match('deploymentOption', 'Single-AZ')], {
      'RDS:GP2-Storage': { key: 'gp2', unit: 'GB-Mo' },
      'RDS:GP3-Storage': { key: 'gp3', unit: 'GB-Mo' },
    }),
    byUsageType('RDS backups', 'AmazonRDS', [match('productFamily', 'Storage Snapshot'), match('regionCode', region)], {
      'RDS:ChargedBackupUsage': { key: 'backup', unit: 'GB-Mo' },
    }),
  ];
}
