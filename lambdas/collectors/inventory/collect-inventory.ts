import type { ResourceType } from '../../engine/types/snapshot.js';
import { collectUnit, type CollectorContext } from '../context.js';
import type { InventoryPort } from '../ports.js';
import { countingPort, ReportBuilder, type CollectionReport } from '../report.js';
import { listApis } from './list-apis.js';
import { listCacheClusters, listEcsServices } from './list-containers-db.js';
import { listLoadBalancers } from './list-load-balancers.js';
import { listAddresses, listNatGateways } from './list-network.js';
import { listSnapshots } from './list-snapshots.js';
import { storageDataUnits } from './list-storage-data.js';
import { STORAGE_DATA_SERVICE_OF } from './storage-data-port.js';
import { normaliseOrRecord, readOrRecord, type Listing } from './listing.js';
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
 * volumes (DescribeVolumes, NextToken), EBS snapshots (list-snapshots.ts), Elastic IPs and NAT gateways
 * (list-network.ts), ELBv2 load balancers (list-load-balancers.ts), Lambda functions (ListFunctions, Marker/NextMarker, plus
 * ListTags per function), RDS instances (DescribeDBInstances, Marker), DynamoDB tables (ListTables,
 * LastEvaluatedTableName, plus DescribeTable and ListTagsOfResource per table) and log groups
 * (DescribeLogGroups, nextToken, plus ListTagsForResource per group), API Gateway APIs (list-apis.ts), ECS services and
 * ElastiCache clusters (list-containers-db.ts), normalised into engine Resources and written to the store. Each service
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
      // The volume ids of a complete volume listing, so snapshots can tell whether their volume still exists.
      let volumeIds: Set<string> | undefined;
      const units: [ResourceType, (listing: Listing) => Promise<void>][] = [
        ['ec2:instance', (listing) => listInstances(port, where, listing)],
        [
          'ebs:volume',
          async (listing) => {
            await listVolumes(port, where, listing);
            if (listing.skipped === 0) volumeIds = new Set(listing.resources.map((r) => r.arn.split('/').pop() ?? ''));
          },
        ],
        ['ebs:snapshot', (listing) => listSnapshots(port, where, listing, volumeIds)],
        ['ec2:elastic-ip', (listing) => listAddresses(port, where, listing)],
        ['ec2:nat-gateway', (listing) => listNatGateways(port, where, listing)],
        ['elb:load-balancer', (listing) => listLoadBalancers(port, where, listing)],
        ['lambda:function', (listing) => listFunctions(port, where, listing)],
        ['rds:db-instance', (listing) => listDbInstances(port, where, listing)],
        ['dynamodb:table', (listing) => listTables(port, where, listing)],
        ['logs:log-group', (listing) => listLogGroups(port, where, listing)],
        ['apigateway:api', (listing) => listApis(port, where, listing)],
        ...storageDataUnits(port, where, context.now),
        ['ecs:service', (listing) => listEcsServices(port, where, listing)],
        ['elasticache:cluster', (listing) => listCacheClusters(port, where, listing)],
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
    listTagsForResource: 'logs',
    describeLoadBalancers: 'elasticloadbalancing',
    describeTags: 'elasticloadbalancing',
    describeTargetGroups: 'elasticloadbalancing',
    describeTargetHealth: 'elasticloadbalancing',
    getRestApis: 'apigateway',
    getApis: 'apigateway',
    ...STORAGE_DATA_SERVICE_OF,
    listClusters: 'ecs',
    listServices: 'ecs',
    describeServices: 'ecs',
    describeTaskDefinition: 'ecs',
    describeCacheClusters: 'elasticache',
    listCacheTags: 'elasticache',
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
  return readOrRecord(report, where, `tags of ${arn} not read, inventoried untagged`, {}, async () => (await port.listLambdaTags({ Resource: arn })).Tags ?? {});
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
      const arn = group.logGroupArn ?? group.arn?.replace(/:\*$/, '');
      // Tags route findings to owners; a group whose tags cannot be read is kept untagged, with an issue.
      const tags = arn === undefined ? {} : await readOrRecord(listing.report, where, `tags of ${arn} not read, inventoried untagged`, {}, async () => (await port.listTagsForResource({ resourceArn: arn })).tags ?? {});
      normaliseOrRecord(listing, where, group.logGroupName, () => listing.resources.push(normaliseLogGroup(group, tags, where)));
    }
    nextToken = page.nextToken || undefined;
  } while (nextToken !== undefined);
}
