import type { Resource } from '../../types/snapshot.js';
import { HOURS_PER_MONTH, type PriceBook } from '../../pricing/price-book.js';
import { readConfig } from '../support/read-config.js';

/**
 * What a performance action protects when the resource's own price is unknown (Lambda functions, load balancers,
 * instance types or engines missing from the price book): USD/month. A deliberately modest figure — a small production
 * service — so an urgent fix on an unpriced resource outranks small savings without burying large ones.
 */
export const PROTECTED_FLOOR_MONTHLY_USD = 50;

/**
 * Monthly USD of the resource whose performance is at stake, for the priority formula (prioritise/priority.ts):
 *   EC2 instance   on-demand USD/hour × 730
 *   RDS instance   on-demand USD/hour (× 2 for Multi-AZ) × 730
 *   DynamoDB       provisioned (RCU × $/RCU-hour + WCU × $/WCU-hour) × 730
 *   anything else  PROTECTED_FLOOR_MONTHLY_USD (also when the price is unknown; missing units count 0)
 * Never below the floor: a cheap resource can still carry an important service. Throws ResourceConfigError on a
 * config that does not match its type's schema.
 * Example: m5.large at $0.096/hour → 0.096 × 730 = $70.08.
 */
export function protectedMonthlyUsd(resource: Resource, prices: PriceBook): number {
  let hourly: number | undefined;
  if (resource.type === 'ec2:instance') {
    hourly = prices.ec2HourlyUsd(readConfig(resource, 'ec2:instance').instanceType);
  } else if (resource.type === 'rds:db-instance') {
    const config = readConfig(resource, 'rds:db-instance');
    hourly = prices.rdsHourlyUsd(config.instanceClass, config.engine, config.multiAz);
  } else if (resource.type === 'dynamodb:table') {
    const config = readConfig(resource, 'dynamodb:table');
    hourly = (config.readCapacityUnits ?? 0) * prices.dynamoDb.rcuHourUsd + (config.writeCapacityUnits ?? 0) * prices.dynamoDb.wcuHourUsd;
  }
  return Math.max(PROTECTED_FLOOR_MONTHLY_USD, (hourly ?? 0) * HOURS_PER_MONTH);
}
