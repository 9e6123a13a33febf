import { ZodError } from 'zod';
import type { Resource } from '../../engine/types/snapshot.js';
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
 */
export async function collectInventory(context: CollectorContext): Promise<CollectionReport> {
  const report = new ReportBuilder('inventory');
  for (const account of context.accounts) {
    for (const region of context.regions) {
      const ports = context.portsFor(account, region);
      const port = countingPort(ports.inventory, inventoryServiceOf, report);
      const where: Placement = { account, region };
      const units: [string, () => Promise<Resource[]>][] = [
        ['instances', () => listInstances(port, where, report)],
        ['volumes', () => listVolumes(port, where, report)],
        ['functions', () => listFunctions(port, where, report)],
        ['db-instances', () => listDbInstances(port, where, report)],
        ['tables', () => listTables(port, where, report)],
        ['log-groups', () => listLogGroups(port, where, report)],
      ];
      for (const [, list] of units) {
        await collectUnit(report, where, ports, async () => {
          const resources = await list();
          if (resources.length === 0) return;
          await context.store.putResources(resources);
          report.countWritten('resources', resources.length);
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

async function listInstances(port: InventoryPort, where: Placement, report: ReportBuilder): Promise<Resource[]> {
  const resources: Resource[] = [];
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
        normaliseOrRecord(report, where, instance.InstanceId, () => resources.push(normaliseInstance(instance, owner)));
      }
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
  return resources;
}

async function listVolumes(port: InventoryPort, where: Placement, report: ReportBuilder): Promise<Resource[]> {
  const resources: Resource[] = [];
  let nextToken: string | undefined;
  do {
    const page = await port.describeVolumes({ MaxResults: EBS_VOLUMES_PAGE, NextToken: nextToken });
    for (const volume of page.Volumes ?? []) {
      normaliseOrRecord(report, where, volume.VolumeId, () => resources.push(normaliseVolume(volume, where)));
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken !== undefined);
  return resources;
}

async function listFunctions(port: InventoryPort, where: Placement, report: ReportBuilder): Promise<Resource[]> {
  const resources: Resource[] = [];
  let marker: string | undefined;
  do {
    const page = await port.listFunctions({ MaxItems: LAMBDA_FUNCTIONS_PAGE, Marker: marker });
    for (const fn of page.Functions ?? []) {
      const tags = fn.FunctionArn ? ((await port.listLambdaTags({ Resource: fn.FunctionArn })).Tags ?? {}) : {};
      normaliseOrRecord(report, where, fn.FunctionName, () => resources.push(normaliseFunction(fn, tags, where)));
    }
    marker = page.NextMarker || undefined;
  } while (marker !== undefined);
  return resources;
}

async function listDbInstances(port: InventoryPort, where: Placement, report: ReportBuilder): Promise<Resource[]> {
  const resources: Resource[] = [];
  let marker: string | undefined;
  do {
    const page = await port.describeDBInstances({ MaxRecords: RDS_INSTANCES_PAGE, Marker: marker });
    for (const db of page.DBInstances ?? []) {
      normaliseOrRecord(report, where, db.DBInstanceIdentifier, () => resources.push(normaliseDbInstance(db, where)));
    }
    marker = page.Marker || undefined;
  } while (marker !== undefined);
  return resources;
}

async function listTables(port: InventoryPort, where: Placement, report: ReportBuilder): Promise<Resource[]> {
  const resources: Resource[] = [];
  let startAfter: string | undefined;
  do {
    const page = await port.listTables({ Limit: DYNAMODB_TABLES_PAGE, ExclusiveStartTableName: startAfter });
    for (const tableName of page.TableNames ?? []) {
      const table = (await port.describeTable({ TableName: tableName })).Table;
      if (table === undefined) continue;
      const tags = table.TableArn ? await tableTags(port, table.TableArn) : {};
      normaliseOrRecord(report, where, tableName, () => resources.push(normaliseTable(table, tags, where)));
    }
    startAfter = page.LastEvaluatedTableName || undefined;
  } while (startAfter !== undefined);
  return resources;
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

async function listLogGroups(port: InventoryPort, where: Placement, report: ReportBuilder): Promise<Resource[]> {
  const resources: Resource[] = [];
  let nextToken: string | undefined;
  do {
    const page = await port.describeLogGroups({ limit: LOG_GROUPS_PAGE, nextToken });
    for (const group of page.logGroups ?? []) {
      normaliseOrRecord(report, where, group.logGroupName, () => resources.push(normaliseLogGroup(group, where)));
    }
    nextToken = page.nextToken || undefined;
  } while (nextToken !== undefined);
  return resources;
}

/** One malformed item is an issue, not a failed collection: record it with the reason and skip it. */
function normaliseOrRecord(report: ReportBuilder, where: Placement, id: string | undefined, normalise: () => void): void {
  try {
    normalise();
  } catch (error) {
    if (!(error instanceof ZodError) && !(error instanceof MalformedItemError)) throw error;
    const reason = error instanceof ZodError ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : error.message;
    report.addIssue({ ...where, code: 'UnsupportedResourceShape', message: `skipped ${id ?? 'an item'}: ${reason}` });
  }
}
