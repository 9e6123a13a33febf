import { Aws, Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { ACCOUNT_DISCOVERY_ACTIONS, COLLECTOR_READ_ACTIONS, COLLECTOR_ROLE_PATH, type CollectorRole } from '../collector-permissions.js';
import { HANDLERS } from '../handlers.js';
import { ORGANIZATIONS, type DeployConfig } from '../config.js';
import { grantTableAccess } from './table-grants.js';
import { HeadroomFunction } from './headroom-function.js';
import { collectorSchedule, schedulerRole } from './schedules.js';

export interface CollectorsProps {
  table: dynamodb.ITableV2;
  config: DeployConfig;
  logRetention: logs.RetentionDays;
}

/** Per collector: its schedule (hours, from config), memory and the construct id of its schedule. */
const COLLECTORS: Record<CollectorRole, { everyHours: (c: DeployConfig) => number; memorySize: number; scheduleId: string }> = {
  'collect-cloudwatch': { everyHours: (c) => c.schedules.cloudwatchEveryHours, memorySize: 1024, scheduleId: 'CloudWatchSchedule' },
  'collect-cost-explorer': { everyHours: (c) => c.schedules.costExplorerEveryHours, memorySize: 512, scheduleId: 'CostExplorerSchedule' },
  'collect-compute-optimizer': {
    everyHours: (c) => c.schedules.computeOptimizerEveryHours,
    memorySize: 512,
    scheduleId: 'ComputeOptimizerSchedule',
  },
  'collect-inventory': { everyHours: (c) => c.schedules.inventoryEveryHours, memorySize: 1024, scheduleId: 'InventorySchedule' },
  // Price List answers for EC2 run to a few MB of JSON per region; 512 MB parses them comfortably.
  'collect-pricing': { everyHours: (c) => c.schedules.pricingEveryHours, memorySize: 512, scheduleId: 'PricingSchedule' },
};

/**
 * The five scheduled collectors (inventory, CloudWatch, Cost Explorer, Compute Optimizer, Price List). Each gets read-only access to its data source, read/write on the table and,
 * when a member role is configured, `sts:AssumeRole` on that role in the configured accounts only.
 */
export class Collectors extends Construct {
  readonly functions: Record<CollectorRole, HeadroomFunction>;

  constructor(scope: Construct, id: string, props: CollectorsProps) {
    super(scope, id);
    const { config } = props;
    const fromOrganization = config.accounts === ORGANIZATIONS;
    const environment: Record<string, string> = {
      TABLE_NAME: props.table.tableName,
      // Empty lists mean "the deployment account/region only".
      REGIONS: config.regions.length > 0 ? config.regions.join(',') : Aws.REGION,
      // With `organizations` the collectors list the accounts at run time; ACCOUNTS is then their own account, which
      // comes first (Cost Explorer is read through it) and is the fallback when the listing fails.
      ACCOUNTS: config.accounts === ORGANIZATIONS || config.accounts.length === 0 ? Aws.ACCOUNT_ID : config.accounts.join(','),
      ACCOUNT_SOURCE: fromOrganization ? 'organizations' : 'list',
      LOOKBACK_DAYS: String(config.lookbackDays),
      ...(config.memberRoleName === undefined ? {} : { MEMBER_ROLE_NAME: config.memberRoleName }),
      ...(config.memberExternalId === undefined ? {} : { MEMBER_EXTERNAL_ID: config.memberExternalId }),
      ...(config.payerAccount === undefined ? {} : { PAYER_ACCOUNT: config.payerAccount }),
    };

    const scheduleRole = schedulerRole(this, 'SchedulerRole');
    const entries = Object.entries(COLLECTORS) as [CollectorRole, (typeof COLLECTORS)[CollectorRole]][];
    this.functions = Object.fromEntries(
      entries.map(([role, spec]) => {
        const fn = new HeadroomFunction(this, role, {
          role,
          memorySize: spec.memorySize,
          timeout: Duration.minutes(15),
          environment,
          logRetention: props.logRetention,
          rolePath: COLLECTOR_ROLE_PATH,
        });
        grantTableAccess(props.table, fn.function, role);
        const reads = [...COLLECTOR_READ_ACTIONS[role], ...(fromOrganization ? ACCOUNT_DISCOVERY_ACTIONS : [])];
        fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: reads, resources: ['*'] }));
        const memberRoles = memberRoleArns(config);
        if (memberRoles.length > 0) {
          fn.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: memberRoles }));
        }
        if (fromOrganization) {
          Validations.of(fn.role).acknowledge({
            id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::*:role/${config.memberRoleName}]`,
            reason:
              'Accounts come from AWS Organizations at run time, so the member role is named in every account; only that role name, which trusts these collector roles with an external id.',
          });
        }
        collectorSchedule(this, spec.scheduleId, fn.function, spec.everyHours(config), scheduleRole);
        Validations.of(scheduleRole).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${HANDLERS[role].logicalId}.Arn>:*]`,
          reason: 'Invoking versions and aliases of this collector function only (the Scheduler target grant).',
        });
        return [role, fn];
      }),
    ) as Record<CollectorRole, HeadroomFunction>;
  }
}

/** The member role in each configured account (the deployment account when none are listed, any with `organizations`). */
function memberRoleArns(config: DeployConfig): string[] {
  if (config.memberRoleName === undefined) return [];
  const accounts = config.accounts === ORGANIZATIONS ? ['*'] : config.accounts.length > 0 ? config.accounts : [Aws.ACCOUNT_ID];
  return accounts.map((account) => `arn:${Aws.PARTITION}:iam::${account}:role/${config.memberRoleName}`);
}
