import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { z } from 'zod';
import { getDocumentClient } from '../shared/aws/dynamodb.js';
import { parseEnv } from '../shared/env.js';
import { DynamoStore } from '../shared/store/dynamo-store.js';
import { createAwsPortsFor, type AwsCredentials, type PortBuilders } from './aws/aws-ports.js';
import type { CollectorContext, CollectorStore } from './context.js';
import type { CollectorPorts, PortsFor } from './ports.js';

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
  credentialsFor?: (account: string, roleName: string) => AwsCredentials;
}): CollectorRuntime {
  const { env, homeAccount, credentialsFor } = options;
  const aws = createAwsPortsFor({
    builders: options.builders,
    credentialsFor: (account) => (account === homeAccount || env.MEMBER_ROLE_NAME === undefined ? undefined : credentialsFor?.(account, env.MEMBER_ROLE_NAME)),
  });
  const portsFor: PortsFor = (account, region) => {
    if (account === homeAccount || homeAccount === undefined || (env.MEMBER_ROLE_NAME !== undefined && credentialsFor !== undefined)) return aws(account, region);
    return memberRoleUnavailable(account, env.MEMBER_ROLE_NAME);
  };
  return { store: new DynamoStore(getDocumentClient(), env.TABLE_NAME), portsFor, env };
}

let runtime: CollectorRuntime | undefined;

/**
 * The runtime, built at first use and kept for the execution environment's life. The home account
 * is read from the invocation's function ARN (arn:aws:lambda:region:ACCOUNT:function:name).
 */
export function getCollectorRuntime(builders: PortBuilders, invokedFunctionArn?: string): CollectorRuntime {
  const partition = invokedFunctionArn?.split(':')[1] ?? 'aws';
  runtime ??= buildCollectorRuntime({
    env: readCollectorEnv(),
    homeAccount: invokedFunctionArn?.split(':')[4],
    builders,
    // The read-only role the member stack creates in each member account; the SDK refreshes the session itself.
    credentialsFor: (account, roleName) =>
      fromTemporaryCredentials({ params: { RoleArn: `arn:${partition}:iam::${account}:role/${roleName}`, RoleSessionName: 'headroom-collector' } }),
  });
  return runtime;
}

/** Lets tests and the local runner supply their own store and ports. */
export function setCollectorRuntime(replacement: CollectorRuntime | undefined): void {
  runtime = replacement;
}

/** The collector context for one invocation: the event may narrow or replace accounts and regions. */
export function collectorContext(rt: CollectorRuntime, event: unknown, now: number): CollectorContext {
  const override = parseCollectorEvent(event);
  return {
    portsFor: rt.portsFor,
    store: rt.store,
    accounts: override.accounts ?? rt.env.ACCOUNTS,
    regions: override.regions ?? rt.env.REGIONS,
    now,
    lookbackDays: rt.env.LOOKBACK_DAYS,
  };
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
        : `assuming ${roleName} in account ${account} needs a role credential provider, which this build does not include yet`;
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
