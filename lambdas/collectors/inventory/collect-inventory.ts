import { ZodError } from 'zod';
import type { Resource, ResourceType } from '../../engine/types/snapshot.js';
import { CollectorApiError } from '../collector-api-error.js';
import { collectUnit, type CollectorContext } from '../context.js';
import type { InventoryPort } from '../ports.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import { MalformedItemError } from './malformed-item-error.js';
import { normaliseInstance, normaliseVolume, type Placement } from './normalise-ec2.js';
import { normaliseDbInstance, normaliseLogGroup, normaliseTable } from './normalise-data.js';
import { normaliseFunction } from './normalise-lambda.js';

/** Page sizes: each API's documented maximum, so a large account costs the fewest calls. */
const EC2_INSTANCES_PAGE = 1000;
const EBS_VOLUMES_PAGE = 500;
const LAMBDA_FUNCTIONS_PAGE = 50;
const RDS_INSTANCES_PAGE = 100;
const DYNAMODB_TABLES_PAGE = 100;
const LOG_GROUPS_PAGE = 50;

/**
 * Resource inventory for every account × region: EC2 instances (DescribeInstances, NextToken), EBS
 * volumes (DescribeVolumes, NextToken), Lambda functions (ListFunctions, Marker/NextMarker, plus
 * ListTags per function), RDS instances (DescribeDBInstances, Marker), DynamoDB tables (ListTables,
 * LastEvaluatedTableName, plus DescribeTable and ListTagsOfResource per table) and log groups
 * (DescribeLogGroups, nextToken), normalised into engine Resources and written to the store. Each service
 * in each region is its own unit: a denial of one is recorded as an issue and the rest carries on.
 * A unit listed in full (no API error, no item skipped as malformed) replaces its (account, region, type)
 * in the store, so resources deleted in AWS leave the inventory with their series and recommendations;
 * a denied or failed unit leaves what was stored untouched.
 */
export async function collectInventory(context: CollectorContext): Promise<CollectionReport> {
  const report = new ReportBuilder('inventory');
  for (const account of context.accounts) {
    for (const region of context.regions) {
      const ports = context.portsFor(account, region);
      const port = countingPort(ports.inventory, inventoryServiceOf, report);
      const where: Placement = { account, region };
      const units: [ResourceType, (listing: Listing) => Promise<void>][] = [
        ['ec2:instance', (listing) => listInstances(port, where, listing)],
        ['ebs:volume', (listing) => listVolumes(port, where, listing)],
        ['lambda:function', (listing) => listFunctions(port, where, listing)],
        ['rds:db-instance', (listing) => listDbInstances(port, where, listing)],
        ['dynamodb:table', (listing) => listTables(port, where, listing)],
        ['logs:log-group', (listing) => listLogGroups(port, where, listing)],
      ];
      for (const [type, list] of units) {
        await collectUnit(report, where, ports, async () => {
          const listing: Listing = { report, resources: [], skipped: 0 };
          await list(listing);
          const { resources } = listing;
          if (listing.skipped === 0) {
            const removed = await context.store.replaceResources({ account, region, type }, resources);
            if (removed.length > 0) report.countWritten('resources-removed', removed.length);
          } else if (resources.length > 0) {
            // An item we could not read may still exist: keep what is stored rather than delete it.
            await context.store.putResources(resources);
          }
          if (resources.length > 0) report.countWritten('resources', resources.length);
        });
      }
    }
  }
  const issues = report.issues;
  if (issues.length > 0) await context.store.putIssues([...issues]);
  return report.build();
}

/** Counted call names follow the service that owns the API (ec2:DescribeInstances, lambda:ListFunctions). */
function inventoryServiceOf(method: string): string {
  const owners: Record<string, string> = {
    listFunctions: 'lambda',
    listLambdaTags: 'lambda',
    describeDBInstances: 'rds',
    listTables: 'dynamodb',
    describeTable: 'dynamodb',
    listTagsOfResource: 'dynamodb',
    describeLogGroups: 'logs',
  };
  return owners[method] ?? 'ec2';
}

async function listInstances(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let nextToken: string | undefined;
  do {
    const page = await port.describeInstances({
      MaxResults: EC2_INSTANCES_PAGE,
      NextToken: nextToken,
      // Terminated instances linger in the API for about an hour; they cost nothing and cannot be acted on.
      Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running', 'stopping', 'stopped'] }],
    });
    for (const reservation of page.Reservations ?? []) {
      const owner = { account: reservation.OwnerId ?? where.account, region: where.region };
      for (const instance of reservation.Instances ?? []) {
        normaliseOrRecord(listing, where, instance.InstanceId, () => listing.resources.push(normaliseInstance(instance, owner)));
      }
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
}

async function listVolumes(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let nextToken: string | undefined;
  do {
    const page = await port.describeVolumes({ MaxResults: EBS_VOLUMES_PAGE, NextToken: nextToken });
    for (const volume of page.Volumes ?? []) {
      normaliseOrRecord(listing, where, volume.VolumeId, () => listing.resources.push(normaliseVolume(volume, where)));
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
}

async function listFunctions(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let marker: string | undefined;
  do {
    const page = await port.listFunctions({ MaxItems: LAMBDA_FUNCTIONS_PAGE, Marker: marker });
    for (const fn of page.Functions ?? []) {
      const tags = fn.FunctionArn ? await functionTags(port, fn.FunctionArn, where, listing.report) : {};
      normaliseOrRecord(listing, where, fn.FunctionName, () => listing.resources.push(normaliseFunction(fn, tags, where)));
    }
    marker = page.NextMarker || undefined;
  } while (marker !== undefined);
}

async function listDbInstances(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let marker: string | undefined;
  do {
    const page = await port.describeDBInstances({ MaxRecords: RDS_INSTANCES_PAGE, Marker: marker });
    for (const db of page.DBInstances ?? []) {
      normaliseOrRecord(listing, where, db.DBInstanceIdentifier, () => listing.resources.push(normaliseDbInstance(db, where)));
    }
    marker = page.Marker || undefined;
  } while (marker !== undefined);
}

async function listTables(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let startAfter: string | undefined;
  do {
    const page = await port.listTables({ Limit: DYNAMODB_TABLES_PAGE, ExclusiveStartTableName: startAfter });
    for (const tableName of page.TableNames ?? []) {
      const table = (await port.describeTable({ TableName: tableName })).Table;
      if (table === undefined) continue;
      const tags = table.TableArn ? await tableTags(port, table.TableArn) : {};
      normaliseOrRecord(listing, where, tableName, () => listing.resources.push(normaliseTable(table, tags, where)));
    }
    startAfter = page.LastEvaluatedTableName || undefined;
  } while (startAfter !== undefined);
}

/**
 * A function whose tags cannot be read (ListTags denied by a narrower policy than ListFunctions) is still
 * inventoried, untagged, with an issue: losing every function of the region over tags would be worse.
 */
async function functionTags(port: InventoryPort, arn: string, where: Placement, report: ReportBuilder): Promise<Record<string, string>> {
  try {
    return (await port.listLambdaTags({ Resource: arn })).Tags ?? {};
  } catch (error) {
    if (!(error instanceof CollectorApiError)) throw error;
    report.addIssue({ ...where, code: error.cause.name, message: `tags of ${arn} not read, inventoried untagged: ${error.cause.message}` });
    return {};
  }
}

async function tableTags(port: InventoryPort, arn: string): Promise<Record<string, string>> {
  const tags: Record<string, string> = {};
  let nextToken: string | undefined;
  do {
    const page = await port.listTagsOfResource({ ResourceArn: arn, NextToken: nextToken });
    for (const tag of page.Tags ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
  return tags;
}

async function listLogGroups(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let nextToken: string | undefined;
  do {
    const page = await port.describeLogGroups({ limit: LOG_GROUPS_PAGE, nextToken });
    for (const group of page.logGroups ?? []) {
      normaliseOrRecord(listing, where, group.logGroupName, () => listing.resources.push(normaliseLogGroup(group, where)));
    }
    nextToken = page.nextToken || undefined;
  } while (nextToken !== undefined);
}

/** What one unit listed so far, and how many items it skipped as malformed. */
interface Listing {
  report: ReportBuilder;
  resources: Resource[];
  skipped: number;
}

/** One malformed item is an issue, not a failed collection: record it with the reason and skip it. */
function normaliseOrRecord(listing: Listing, where: Placement, id: string | undefined, normalise: () => void): void {
  try {
    normalise();
  } catch (error) {
    if (!(error instanceof ZodError) && !(error instanceof MalformedItemError)) throw error;
    const reason = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : error.message;
    listing.skipped += 1;
    listing.report.addIssue({ ...where, code: 'UnsupportedResourceShape', message: `skipped ${id ?? 'an item'}: ${reason}` });
  }
}
