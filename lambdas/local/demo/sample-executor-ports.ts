import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type { DynamoDbPort, ExecutorContext, LambdaPort, LogsPort, MaintenanceWindow } from '../../actions/executors/executor.js';
import type { InventoryPort, PortsFor } from '../../collectors/ports.js';
import { responseMetadata, SampleServiceError } from '../sample-account/sample-errors.js';
import { createSampleEc2ExecutorPort } from './sample-ec2-executor-port.js';

/**
 * The executors' Lambda, DynamoDB and CloudWatch Logs calls answered by the sample account, plus the whole
 * ExecutorContext the demo hands the apply steps. Resources are read through the sample inventory port; changes
 * are kept in per-region overlays (one port per region for the whole demo run), so a step sees what an earlier
 * step changed. Updates complete at once (LastUpdateStatus Successful, TableStatus ACTIVE).
 */

/** The sample account is always inside its maintenance window, so the demo can show an instance-type change. */
export const DEMO_MAINTENANCE_WINDOW: MaintenanceWindow = { days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], startUtc: '00:00', durationHours: 24 };

async function allFunctions(inventory: InventoryPort): Promise<FunctionConfiguration[]> {
  const functions: FunctionConfiguration[] = [];
  let marker: string | undefined;
  do {
    const page = await inventory.listFunctions({ Marker: marker });
    functions.push(...(page.Functions ?? []));
    marker = page.NextMarker;
  } while (marker);
  return functions;
}

export function createSampleLambdaExecutorPort(inventory: InventoryPort): LambdaPort {
  const memory = new Map<string, number>();
  const versions = new Map<string, FunctionConfiguration[]>();
  const aliases = new Map<string, string>();
  async function latest(name: string): Promise<FunctionConfiguration> {
    const found = (await allFunctions(inventory)).find((fn) => fn.FunctionName === name || fn.FunctionArn === name);
    if (!found) throw new SampleServiceError('ResourceNotFoundException', `Function not found: ${name}`, 404);
    const memorySize = memory.get(found.FunctionName ?? '') ?? found.MemorySize;
    return { ...found, MemorySize: memorySize, CodeSha256: 'sample-code-sha256', State: 'Active', LastUpdateStatus: 'Successful', RevisionId: `rev-${memorySize}` };
  }
  return {
    async getFunctionConfiguration(input) {
      const config = await latest(input.FunctionName ?? '');
      const qualifier = input.Qualifier;
      if (qualifier === undefined || qualifier === '$LATEST') return { ...config, $metadata: responseMetadata() };
      const version = (versions.get(config.FunctionName ?? '') ?? []).find((v) => v.Version === qualifier);
      if (!version) throw new SampleServiceError('ResourceNotFoundException', `Function not found: ${config.FunctionArn}:${qualifier}`, 404);
      return { ...version, $metadata: responseMetadata() };
    },
    async updateFunctionConfiguration(input) {
      const config = await latest(input.FunctionName ?? '');
      if (input.MemorySize !== undefined) memory.set(config.FunctionName ?? '', input.MemorySize);
      return { ...(await latest(input.FunctionName ?? '')), $metadata: responseMetadata() };
    },
    async listTags(input) {
      return inventory.listLambdaTags(input);
    },
    async getAlias(input) {
      const config = await latest(input.FunctionName ?? '');
      const version = aliases.get(`${config.FunctionName}:${input.Name}`);
      if (!version) throw new SampleServiceError('ResourceNotFoundException', `Alias not found: ${config.FunctionArn}:${input.Name}`, 404);
      return { Name: input.Name, FunctionVersion: version, AliasArn: `${config.FunctionArn}:${input.Name}`, $metadata: responseMetadata() };
    },
    async publishVersion(input) {
      const config = await latest(input.FunctionName ?? '');
      const list = versions.get(config.FunctionName ?? '') ?? [];
      const version = { ...config, Version: String(list.length + 1), FunctionArn: `${config.FunctionArn}:${list.length + 1}` };
      versions.set(config.FunctionName ?? '', [...list, version]);
      return { ...version, $metadata: responseMetadata() };
    },
    async updateAlias(input) {
      const config = await latest(input.FunctionName ?? '');
      aliases.set(`${config.FunctionName}:${input.Name}`, input.FunctionVersion ?? '$LATEST');
      return { Name: input.Name, FunctionVersion: input.FunctionVersion, $metadata: responseMetadata() };
    },
  };
}

export function createSampleDynamoDbExecutorPort(inventory: InventoryPort, now: () => Date): DynamoDbPort {
  const changed = new Map<string, Partial<TableDescription>>();
  async function table(name: string): Promise<TableDescription> {
    const { Table } = await inventory.describeTable({ TableName: name });
    return { ...Table, ...changed.get(name) };
  }
  return {
    async describeTable(input) {
      return { Table: await table(input.TableName ?? ''), $metadata: responseMetadata() };
    },
    async updateTable(input) {
      const name = input.TableName ?? '';
      const current = await table(name);
      const mode = input.BillingMode ?? current.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
      const patch: Partial<TableDescription> = {
        BillingModeSummary: {
          BillingMode: mode,
          LastUpdateToPayPerRequestDateTime: mode === 'PAY_PER_REQUEST' ? now() : current.BillingModeSummary?.LastUpdateToPayPerRequestDateTime,
        },
        ProvisionedThroughput: {
          ...current.ProvisionedThroughput,
          ReadCapacityUnits: input.ProvisionedThroughput?.ReadCapacityUnits ?? (mode === 'PAY_PER_REQUEST' ? 0 : current.ProvisionedThroughput?.ReadCapacityUnits),
          WriteCapacityUnits: input.ProvisionedThroughput?.WriteCapacityUnits ?? (mode === 'PAY_PER_REQUEST' ? 0 : current.ProvisionedThroughput?.WriteCapacityUnits),
        },
      };
      changed.set(name, { ...changed.get(name), ...patch });
      return { TableDescription: await table(name), $metadata: responseMetadata() };
    },
    async listTagsOfResource(input) {
      return inventory.listTagsOfResource(input);
    },
  };
}

export function createSampleLogsExecutorPort(inventory: InventoryPort): LogsPort {
  const retention = new Map<string, number | undefined>();
  const overlay = (group: LogGroup): LogGroup =>
    retention.has(group.logGroupName ?? '') ? { ...group, retentionInDays: retention.get(group.logGroupName ?? '') } : group;
  async function group(name: string): Promise<LogGroup> {
    const { logGroups = [] } = await inventory.describeLogGroups({ logGroupNamePrefix: name });
    const found = logGroups.find((candidate) => candidate.logGroupName === name);
    if (!found) throw new SampleServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
    return found;
  }
  return {
    async describeLogGroups(input) {
      const page = await inventory.describeLogGroups(input);
      return { ...page, logGroups: (page.logGroups ?? []).map(overlay) };
    },
    async putRetentionPolicy(input) {
      await group(input.logGroupName ?? '');
      retention.set(input.logGroupName ?? '', input.retentionInDays);
      return { $metadata: responseMetadata() };
    },
    async deleteRetentionPolicy(input) {
      await group(input.logGroupName ?? '');
      retention.set(input.logGroupName ?? '', undefined);
      return { $metadata: responseMetadata() };
    },
    async listTagsForResource() {
      // The sample account's log groups carry no tags the inventory exposes.
      return { tags: {}, $metadata: responseMetadata() };
    },
  };
}

function perRegion<T>(create: (region: string) => T): (region: string) => T {
  const ports = new Map<string, T>();
  return (region) => {
    const existing = ports.get(region);
    if (existing) return existing;
    const port = create(region);
    ports.set(region, port);
    return port;
  };
}

/** The ExecutorContext of the demo: every executor's ports backed by one sample account, always in its maintenance window. */
export function createSampleExecutorContext(portsFor: PortsFor, account: string, now: () => Date = () => new Date()): ExecutorContext {
  const inventory = (region: string) => portsFor(account, region).inventory;
  return {
    ec2: perRegion((region) => createSampleEc2ExecutorPort(inventory(region))),
    // The sample account defines no CloudWatch alarms and no CloudTrail history: nothing alarms, nothing tried to attach.
    cloudwatch: (region) => ({
      getMetricData: (input) => portsFor(account, region).cloudwatch.getMetricData(input),
      describeAlarms: async () => ({ MetricAlarms: [], $metadata: responseMetadata() }),
    }),
    cloudtrail: () => ({ lookupEvents: async () => ({ Events: [], $metadata: responseMetadata() }) }),
    elb: (region) => ({
      describeTargetGroups: (input) => inventory(region).describeTargetGroups(input),
      describeTargetHealth: (input) => inventory(region).describeTargetHealth(input),
    }),
    lambda: perRegion((region) => createSampleLambdaExecutorPort(inventory(region))),
    dynamodb: perRegion((region) => createSampleDynamoDbExecutorPort(inventory(region), now)),
    logs: perRegion((region) => createSampleLogsExecutorPort(inventory(region))),
    now,
    maintenanceWindow: DEMO_MAINTENANCE_WINDOW,
    sleep: async () => undefined,
  };
}
