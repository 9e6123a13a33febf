import { ListAccountsCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { COLLECTOR_ROLES } from '../../lib/collector-permissions.js';
import { HANDLERS } from '../../lib/handlers.js';
import { allAwsAdapters } from '../../lambdas/collectors/aws/all-adapters.js';
import { handler as inventoryHandler } from '../../lambdas/collectors/inventory/handler.js';
import { buildCollectorRuntime, collectorContext, CollectorEnvSchema, readCollectorEnv, setCollectorRuntime } from '../../lambdas/collectors/runtime.js';
import { generateSampleAccount } from '../../lambdas/local/sample-account/generate.js';
import { createSamplePortsFor } from '../../lambdas/local/sample-account/sample-ports.js';
import { MemoryStore } from '../../lambdas/shared/store/memory-store.js';
import { synthesise } from '../lib/support/synth.js';

const HOME = '123456789012';
const MEMBER = '210987654321';
const env = { TABLE_NAME: 'headroom', REGIONS: 'eu-west-1', ACCOUNTS: HOME };
const organizations = mockClient(OrganizationsClient);
afterEach(() => {
  organizations.reset();
  setCollectorRuntime(undefined);
});

/** A ListAccounts page (Organizations API reference, ListAccounts response). */
const page = (ids: string[], NextToken?: string) => ({ Accounts: ids.map((Id) => ({ Id, State: 'ACTIVE' as const, Status: 'ACTIVE' as const })), NextToken });

describe('collector accounts from AWS Organizations', () => {
  it('collects the home account first, then every active member account, when the event names none', async () => {
    organizations.on(ListAccountsCommand).resolvesOnce(page([MEMBER], 'page-2')).resolvesOnce(page([HOME, '333344445555']));
    const runtime = buildCollectorRuntime({ env: readCollectorEnv({ ...env, ACCOUNT_SOURCE: 'organizations' }), homeAccount: HOME, builders: allAwsAdapters });

    const { context, issue } = await collectorContext(runtime, {}, 1);

    expect(context.accounts).toEqual([HOME, MEMBER, '333344445555']);
    expect(issue).toBeUndefined();
    expect(organizations.commandCalls(ListAccountsCommand)[1]?.args[0].input.NextToken).toBe('page-2');
    // The event's own accounts win: no listing.
    organizations.resetHistory();
    expect((await collectorContext(runtime, { accounts: [MEMBER] }, 1)).context.accounts).toEqual([MEMBER]);
    expect(organizations.commandCalls(ListAccountsCommand)).toHaveLength(0);
  });

  it('falls back to the home account when Organizations refuses, and puts the reason in the report and the store', async () => {
    organizations
      .on(ListAccountsCommand)
      .rejects(Object.assign(new Error('You don’t have permissions to access this resource.'), { name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 } }));
    const account = generateSampleAccount({ resources: 20 });
    const store = new MemoryStore();
    const built = buildCollectorRuntime({ env: readCollectorEnv({ ...env, ACCOUNT_SOURCE: 'organizations', ACCOUNTS: account.accountId }), homeAccount: account.accountId, builders: allAwsAdapters });
    setCollectorRuntime({ ...built, store, portsFor: createSamplePortsFor(account) });

    const report = await inventoryHandler({ regions: [account.regions[0]] });

    const expected = { source: 'inventory', account: account.accountId, code: 'AccessDeniedException', message: expect.stringMatching(/listing the organization's accounts failed .*collecting account \d{12} only/) };
    expect(report.issues[0]).toEqual(expected);
    expect(await store.listIssues()).toEqual(expect.arrayContaining([expected]));
    expect(report.itemsWritten.resources).toBeGreaterThan(0);
  });

  it('reads the configured list without calling Organizations when ACCOUNT_SOURCE is list', async () => {
    const runtime = buildCollectorRuntime({ env: readCollectorEnv({ ...env, ACCOUNTS: `${HOME},${MEMBER}` }), homeAccount: HOME, builders: allAwsAdapters });
    expect((await collectorContext(runtime, {}, 1)).context.accounts).toEqual([HOME, MEMBER]);
    expect(organizations.commandCalls(ListAccountsCommand)).toHaveLength(0);
  });
});

describe('the account Cost Explorer is read through', () => {
  it('is the home account when the configured list starts with a member account', async () => {
    const runtime = buildCollectorRuntime({ env: readCollectorEnv({ ...env, ACCOUNTS: `${MEMBER},${HOME}` }), homeAccount: HOME, builders: allAwsAdapters });
    expect((await collectorContext(runtime, {}, 1)).context).toMatchObject({ accounts: [MEMBER, HOME], costExplorerAccount: HOME });
  });

  it('is the configured payer account when there is one', async () => {
    const runtime = buildCollectorRuntime({ env: readCollectorEnv({ ...env, ACCOUNTS: `${MEMBER},${HOME}`, PAYER_ACCOUNT: '999988887777' }), homeAccount: HOME, builders: allAwsAdapters });
    expect((await collectorContext(runtime, {}, 1)).context.costExplorerAccount).toBe('999988887777');
  });

  it('rejects a payer account that is not a 12-digit id, naming the variable', () => {
    expect(() => readCollectorEnv({ ...env, PAYER_ACCOUNT: 'payer' })).toThrow(/PAYER_ACCOUNT .*12-digit/);
  });
});

describe('member accounts without a role provider', () => {
  it('fail every port method, the newer ones included, with MemberRoleUnavailable', async () => {
    const runtime = buildCollectorRuntime({ env: readCollectorEnv({ ...env, MEMBER_ROLE_NAME: 'HeadroomReadOnly', MEMBER_EXTERNAL_ID: 'ext-1' }), homeAccount: HOME, builders: allAwsAdapters });
    const ports = runtime.portsFor(MEMBER, 'eu-west-1');
    for (const call of [() => ports.inventory.describeNatGateways({}), () => ports.inventory.describeTargetHealth({ TargetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:210987654321:targetgroup/web/1' }), () => ports.cloudwatch.listMetrics({}), () => ports.pricing!.getProducts({ ServiceCode: 'AmazonRDS' })]) {
      await expect(call()).rejects.toMatchObject({ name: 'MemberRoleUnavailable', message: expect.stringMatching(/HeadroomReadOnly.*210987654321/) });
    }
  });
});

describe('the environment the stack sets', () => {
  const synth = synthesise({ accounts: 'organizations', memberRoleName: 'HeadroomReadOnly', memberExternalId: 'headroom-7f3a', payerAccount: '999988887777', regions: ['eu-west-1'] });
  afterAll(() => synth.cleanup());

  it('uses exactly the variable names the collectors read, and they parse', () => {
    const known = Object.keys(CollectorEnvSchema.shape).sort();
    for (const role of COLLECTOR_ROLES) {
      const variables = (synth.json.Resources[HANDLERS[role].logicalId]?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
      const collectorVariables = Object.keys(variables).filter((name) => known.includes(name) || !/^(AWS_|NODE_|POWERTOOLS_|LOG_)/.test(name));
      expect({ role, names: collectorVariables.sort() }).toEqual({ role, names: known });
      // CloudFormation tokens (Ref AWS::AccountId, the table name) stand in as plain values.
      const plain = Object.fromEntries(Object.entries(variables).map(([name, value]) => [name, typeof value === 'string' ? value : name === 'ACCOUNTS' ? HOME : 'token']));
      expect(readCollectorEnv(plain)).toMatchObject({ ACCOUNT_SOURCE: 'organizations', MEMBER_ROLE_NAME: 'HeadroomReadOnly', MEMBER_EXTERNAL_ID: 'headroom-7f3a', ACCOUNTS: [HOME] });
    }
  });
});
