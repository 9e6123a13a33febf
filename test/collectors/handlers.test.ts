import { afterEach, describe, expect, it } from 'vitest';
import { allAwsAdapters } from '../../lambdas/collectors/aws/all-adapters.js';
import { handler as computeOptimizerHandler } from '../../lambdas/collectors/compute-optimizer/handler.js';
import { handler as inventoryHandler } from '../../lambdas/collectors/inventory/handler.js';
import {
  buildCollectorRuntime,
  collectorContext,
  CollectorConfigError,
  readCollectorEnv,
  setCollectorRuntime,
} from '../../lambdas/collectors/runtime.js';
import { generateSampleAccount } from '../../lambdas/local/sample-account/generate.js';
import { createSamplePortsFor } from '../../lambdas/local/sample-account/sample-ports.js';
import { MemoryStore } from '../../lambdas/shared/store/memory-store.js';

const env = { TABLE_NAME: 'headroom', REGIONS: 'us-east-1, eu-west-1', ACCOUNTS: '123456789012', LOOKBACK_DAYS: '7' };

afterEach(() => setCollectorRuntime(undefined));

describe('collector configuration', () => {
  it('reads comma lists and defaults from the environment', () => {
    expect(readCollectorEnv(env)).toEqual({ TABLE_NAME: 'headroom', REGIONS: ['us-east-1', 'eu-west-1'], ACCOUNTS: ['123456789012'], LOOKBACK_DAYS: 7, ACCOUNT_SOURCE: 'list' });
    expect(readCollectorEnv({ ...env, LOOKBACK_DAYS: undefined }).LOOKBACK_DAYS).toBe(14);
  });

  it('names the offending variable when the environment is wrong', () => {
    expect(() => readCollectorEnv({ ...env, ACCOUNTS: '1234' })).toThrow(CollectorConfigError);
    expect(() => readCollectorEnv({ ...env, ACCOUNTS: '1234' })).toThrow(/ACCOUNTS.*12-digit/);
    expect(() => readCollectorEnv({ ...env, REGIONS: ' , ' })).toThrow(/REGIONS must name at least one entry/);
    expect(() => readCollectorEnv({ ...env, TABLE_NAME: undefined })).toThrow(/TABLE_NAME/);
    expect(() => readCollectorEnv({ ...env, ACCOUNT_SOURCE: 'everything' })).toThrow(/ACCOUNT_SOURCE must be list or organizations/);
    expect(() => readCollectorEnv({ ...env, MEMBER_EXTERNAL_ID: 'x' })).toThrow(/MEMBER_EXTERNAL_ID must be at least 2 characters/);
  });

  it('lets the schedule event override accounts and regions, and rejects malformed events', async () => {
    const runtime = { store: new MemoryStore(), portsFor: createSamplePortsFor(generateSampleAccount({ resources: 5 })), env: readCollectorEnv(env) };
    expect((await collectorContext(runtime, {}, 1)).context.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect((await collectorContext(runtime, null, 1)).context.accounts).toEqual(['123456789012']);
    expect((await collectorContext(runtime, { regions: ['ap-south-1'] }, 1)).context.regions).toEqual(['ap-south-1']);
    await expect(collectorContext(runtime, { accounts: ['nope'] }, 1)).rejects.toThrow(/accounts\.0: accounts must hold 12-digit/);
  });

  it("reads other accounts only through the member role: without one they are reported denied, not read with the home account's credentials", async () => {
    const runtime = buildCollectorRuntime({ env: readCollectorEnv({ ...env, MEMBER_ROLE_NAME: 'HeadroomReadOnly' }), homeAccount: '123456789012', builders: allAwsAdapters });
    await expect(runtime.portsFor('210987654321', 'us-east-1').inventory.describeInstances({})).rejects.toMatchObject({
      name: 'MemberRoleUnavailable',
      message: expect.stringMatching(/HeadroomReadOnly.*210987654321/),
    });
  });
});

describe('collector handlers', () => {
  it('inventory handler collects the configured scope and returns the report', async () => {
    const account = generateSampleAccount({ resources: 30 });
    const store = new MemoryStore();
    setCollectorRuntime({ store, portsFor: createSamplePortsFor(account), env: readCollectorEnv(env) });

    const report = await inventoryHandler({});

    expect(report.source).toBe('inventory');
    expect(report.itemsWritten.resources).toBe((await store.listResources()).length);
    expect(report.calls['ec2:DescribeInstances']).toBe(2);
  });

  it('compute optimizer handler reports the not-opted-in region and succeeds', async () => {
    const account = generateSampleAccount({ resources: 30 });
    setCollectorRuntime({ store: new MemoryStore(), portsFor: createSamplePortsFor(account), env: readCollectorEnv(env) });

    const report = await computeOptimizerHandler({ regions: ['eu-west-1'] });

    expect(report.issues).toEqual([expect.objectContaining({ code: 'OptInRequiredException', region: 'eu-west-1' })]);
  });
});
