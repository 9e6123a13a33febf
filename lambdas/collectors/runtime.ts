import { z } from 'zod';
import type { CollectionIssue } from '../engine/types/snapshot.js';
import { getDocumentClient } from '../shared/aws/dynamodb.js';
import { parseEnv } from '../shared/env.js';
import { DynamoStore } from '../shared/store/dynamo-store.js';
import { AccountSourceEnvSchema, accountsToCollect } from './accounts/account-source.js';
import { cachedDiscovery, discoverAccounts, type AccountDiscovery } from './accounts/discover-accounts.js';
import { memberRoleCredentials } from './accounts/member-role-credentials.js';
import { awsOrganizationsPort } from './accounts/organizations-adapter.js';
import type { OrganizationsPort } from './accounts/organizations-port.js';
import { createAwsPortsFor, type AwsCredentials, type PortBuilders } from './aws/aws-ports.js';
import { CountingThrottleMeter } from './aws/throttle-meter.js';
import type { CollectorContext, CollectorStore } from './context.js';
import type { CollectorPorts, PortsFor } from './ports.js';
import type { CollectionReport } from './report.js';

const commaList = (what: string) =>
  z
    .string({ error: `${what} must be a comma-separated list` })
    .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x !== ''))
    .pipe(z.array(z.string()).min(1, `${what} must name at least one entry`));

/** Environment of the collector functions (set by the CDK stack, SPEC §9). */
export const CollectorEnvSchema = z.object({
  TABLE_NAME: z.string().min(1, 'TABLE_NAME must name the Headroom table'),
  REGIONS: commaList('REGIONS'),
  ACCOUNTS: commaList('ACCOUNTS').pipe(z.array(z.string().regex(/^\d{12}$/, 'ACCOUNTS must hold 12-digit AWS account ids'))),
  MEMBER_ROLE_NAME: z.string().min(1).optional(),
  /** The member role's trust policy requires it (sts:ExternalId); AssumeRole without it is denied. */
  MEMBER_EXTERNAL_ID: z.string().min(2, 'MEMBER_EXTERNAL_ID must be at least 2 characters').optional(),
  /**
   * The organization's management (payer) account, when it is not the collector's own: Cost Explorer is then read
   * through its member role, since only the management account sees the linked accounts' costs.
   */
  PAYER_ACCOUNT: z.string().regex(/^\d{12}$/, 'PAYER_ACCOUNT must be a 12-digit AWS account id').optional(),
  ...AccountSourceEnvSchema.shape,
  LOOKBACK_DAYS: z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().int().min(1).max(455).default(14)),
});
export type CollectorEnv = z.output<typeof CollectorEnvSchema>;

/** The schedule's input: `{}` or an override of the configured accounts and regions. */
export const CollectorEventSchema = z
  .object({
    accounts: z.array(z.string().regex(/^\d{12}$/, 'accounts must hold 12-digit AWS account ids')).min(1).optional(),
    regions: z.array(z.string().min(1)).min(1).optional(),
  })
  .default({});

/** The environment or the event is wrong; the message names the field. */
export class CollectorConfigError extends Error {
  override readonly name = 'CollectorConfigError';
}

export function readCollectorEnv(env: NodeJS.ProcessEnv = process.env): CollectorEnv {
  return parseEnv(CollectorEnvSchema, env, (message) => new CollectorConfigError(message));
}

export function parseCollectorEvent(event: unknown): z.output<typeof CollectorEventSchema> {
  const parsed = CollectorEventSchema.safeParse(event ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CollectorConfigError(`collector event is invalid: ${issue?.path.join('.') || '(event)'}: ${issue?.message ?? 'unknown problem'}`);
  }
  return parsed.data;
}

export interface CollectorRuntime {
  store: CollectorStore;
  portsFor: PortsFor;
  env: CollectorEnv;
  /** Every SDK call of the execution environment by `<service>:<Operation>`, AssumeRole included (absent in local runtimes). */
  ledger?: CountingThrottleMeter;
  /** The account the function runs in, read with its own credentials (absent in local runtimes). */
  homeAccount?: string;
  /** The organization's accounts (ACCOUNT_SOURCE=organizations); built by buildCollectorRuntime, absent in local runtimes. */
  discoverAccounts?: () => Promise<AccountDiscovery>;
}

/**
 * Builds the real runtime: DynamoStore on TABLE_NAME and AWS ports. `homeAccount` is the account
 * the function runs in (from the invocation's ARN): it uses the function's own credentials. Other
 * accounts are read through the member role (`credentialsFor`, STS AssumeRole); without a
 * MEMBER_ROLE_NAME they are reported as denied rather than silently read with the wrong credentials.
 */
export function buildCollectorRuntime(options: {
  env: CollectorEnv;
  homeAccount: string | undefined;
  /** The AWS adapters this function needs (each handler wires only its own service). */
  builders: PortBuilders;
  /** `meter` counts the provider's own calls (sts:AssumeRole) into the runtime's ledger. */
  credentialsFor?: (account: string, roleName: string, meter: CountingThrottleMeter) => AwsCredentials;
  /** Organizations at the command level (tests pass a double); default the SDK adapter, built at first use. */
  organizations?: OrganizationsPort;
}): CollectorRuntime {
  const { env, homeAccount, credentialsFor } = options;
  // With ACCOUNT_SOURCE=organizations the stack sets ACCOUNTS to the collector's own account.
  const discoveryHome = homeAccount ?? env.ACCOUNTS[0];
  const ledger = new CountingThrottleMeter();
  const aws = createAwsPortsFor({
    builders: options.builders,
    ledger,
    credentialsFor: (account, meter) => (account === homeAccount || env.MEMBER_ROLE_NAME === undefined ? undefined : credentialsFor?.(account, env.MEMBER_ROLE_NAME, meter)),
  });
  const portsFor: PortsFor = (account, region) => {
    if (account === homeAccount || homeAccount === undefined || (env.MEMBER_ROLE_NAME !== undefined && credentialsFor !== undefined)) return aws(account, region);
    return memberRoleUnavailable(account, env.MEMBER_ROLE_NAME);
  };
  // Organizations is global (any region of the partition reaches it); the function's own credentials list it.
  const organizations = () => options.organizations ?? awsOrganizationsPort({ region: env.REGIONS[0] ?? 'us-east-1', maxAttempts: 5 }, new CountingThrottleMeter());
  return {
    store: new DynamoStore(getDocumentClient(), env.TABLE_NAME),
    portsFor,
    env,
    ledger,
    ...(homeAccount === undefined ? {} : { homeAccount }),
    ...(discoveryHome === undefined ? {} : { discoverAccounts: cachedDiscovery(() => discoverAccounts(organizations(), discoveryHome)) }),
  };
}

let runtime: CollectorRuntime | undefined;

/**
 * The runtime, built at first use and kept for the execution environment's life. The home account
 * is read from the invocation's function ARN (arn:aws:lambda:region:ACCOUNT:function:name).
 */
export function getCollectorRuntime(builders: PortBuilders, invokedFunctionArn?: string): CollectorRuntime {
  if (runtime !== undefined) return runtime;
  const partition = invokedFunctionArn?.split(':')[1] ?? 'aws';
  const env = readCollectorEnv();
  runtime = buildCollectorRuntime({
    env,
    homeAccount: invokedFunctionArn?.split(':')[4],
    builders,
    // The read-only role the member stack creates in each member account, behind its ExternalId condition.
    credentialsFor: (account, roleName, meter) => memberRoleCredentials({ partition, account, roleName, externalId: env.MEMBER_EXTERNAL_ID, meter }),
  });
  return runtime;
}

/** Lets tests and the local runner supply their own store and ports. */
export function setCollectorRuntime(replacement: CollectorRuntime | undefined): void {
  runtime = replacement;
}

/** One invocation's context, and why it reads fewer accounts than configured when the organization could not be listed. */
export interface InvocationContext {
  context: CollectorContext;
  /** The account discovery's failure (the collection then covers the home account only). */
  issue?: { code: string; message: string };
}

/**
 * The collector context for one invocation. Accounts: the event's when it names some; else the configured list
 * (ACCOUNT_SOURCE=list) or the organization's active accounts (ACCOUNT_SOURCE=organizations, listed through
 * `discoverAccounts`, reused for an hour by a warm function). Regions: the event's, else REGIONS.
 */
export async function collectorContext(rt: CollectorRuntime, event: unknown, now: number): Promise<InvocationContext> {
  const override = parseCollectorEvent(event);
  const discovery =
    override.accounts !== undefined
      ? { accounts: override.accounts }
      : await accountsToCollect(rt.env.ACCOUNT_SOURCE, rt.env.ACCOUNTS, () => {
          if (rt.discoverAccounts === undefined) throw new CollectorConfigError('ACCOUNT_SOURCE is organizations but this runtime cannot list the organization (no home account)');
          return rt.discoverAccounts();
        });
  const costExplorerAccount = rt.env.PAYER_ACCOUNT ?? rt.homeAccount;
  return {
    context: {
      portsFor: rt.portsFor,
      store: rt.store,
      accounts: discovery.accounts,
      regions: override.regions ?? rt.env.REGIONS,
      ...(costExplorerAccount === undefined ? {} : { costExplorerAccount }),
      now,
      lookbackDays: rt.env.LOOKBACK_DAYS,
    },
    ...(discovery.issue === undefined ? {} : { issue: discovery.issue }),
  };
}

/**
 * A handler's whole invocation: the context, then `collect`. A discovery failure is stored with the run's other
 * collection issues and put first in the returned report, under the collector's own source name, so the report
 * and the Slack message say why member accounts are missing.
 */
export async function runCollector(
  rt: CollectorRuntime,
  event: unknown,
  now: number,
  collect: (context: CollectorContext) => Promise<CollectionReport>,
): Promise<CollectionReport> {
  const { context, issue } = await collectorContext(rt, event, now);
  const assumedBefore = assumeRoleCalls(rt);
  const collected = await collect(context);
  const report = withAssumeRoleCalls(collected, assumeRoleCalls(rt) - assumedBefore);
  if (issue === undefined) return report;
  const recorded: CollectionIssue = { source: report.source, account: context.accounts[0], code: issue.code, message: issue.message };
  await context.store.putIssues([recorded]);
  return { ...report, issues: [recorded, ...report.issues] };
}

const ASSUME_ROLE = 'sts:AssumeRole';

function assumeRoleCalls(rt: CollectorRuntime): number {
  return rt.ledger?.apiCalls()[ASSUME_ROLE]?.calls ?? 0;
}

/** The report with this invocation's AssumeRole calls among its API calls (the SDK made them, not a port). */
function withAssumeRoleCalls(report: CollectionReport, calls: number): CollectionReport {
  return calls === 0 ? report : { ...report, calls: { ...report.calls, [ASSUME_ROLE]: (report.calls[ASSUME_ROLE] ?? 0) + calls } };
}

/**
 * Ports that fail every call with a clear AccessDenied-style error naming what is missing. Built with a Proxy
 * so every method of every port — whatever the ports grow — fails the same way.
 */
function memberRoleUnavailable(account: string, roleName: string | undefined): CollectorPorts {
  const fail = async (): Promise<never> => {
    const message =
      roleName === undefined
        ? `account ${account} is not the collector's own account and MEMBER_ROLE_NAME is not set`
        : `assuming ${roleName} in account ${account} needs a role credential provider, and this runtime was built without one`;
    throw Object.assign(new Error(message), { name: 'MemberRoleUnavailable', $fault: 'client' as const, $metadata: {} });
  };
  const failingPort = <T extends object>(): T => new Proxy({} as T, { get: () => fail });
  return {
    inventory: failingPort(),
    cloudwatch: failingPort(),
    costExplorer: failingPort(),
    computeOptimizer: failingPort(),
    pricing: failingPort(),
  };
}
