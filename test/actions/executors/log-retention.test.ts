import {
  CloudWatchLogsClient,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  ListTagsForResourceCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { logRetention } from '../../../lambdas/actions/executors/log-retention.js';
import { actionFor } from './support/actions.js';
import { sdkContext } from './support/context.js';

const logs = mockClient(CloudWatchLogsClient);
const NAME = '/aws/lambda/orders-api';
const ARN = `arn:aws:logs:us-east-1:123456789012:log-group:${NAME}`;
const action = actionFor('log-retention', ARN, { retentionDays: null }, { retentionDays: 30 }, 'logs:log-group');
const group = (retentionInDays?: number) => ({
  logGroups: [
    { logGroupName: `${NAME}-old`, arn: `${ARN}-old:*` },
    { logGroupName: NAME, arn: `${ARN}:*`, logGroupArn: ARN, retentionInDays, storedBytes: 5e9 },
  ],
});

describe('log-retention executor', () => {
  beforeEach(() => {
    logs.reset();
    logs.on(DescribeLogGroupsCommand).resolves(group());
    logs.on(ListTagsForResourceCommand).resolves({ tags: { 'headroom:managed': 'true' } });
  });

  it('prechecks the exact group (not a prefix match) with the recorded retention and the tag scope', async () => {
    const scoped = sdkContext({ tagScope: { key: 'headroom:managed', value: 'true' } });
    expect(await logRetention.precheck(action, scoped)).toEqual({ ok: true });
    expect(logs.commandCalls(ListTagsForResourceCommand)[0].args[0].input).toEqual({ resourceArn: ARN });
    logs.on(DescribeLogGroupsCommand).resolves(group(14));
    expect(await logRetention.precheck(action, scoped)).toEqual({ ok: false, reason: `log group ${NAME} now keeps events 14 days, not never expire` });
  });

  it('puts the retention, and rolls back to never-expire with DeleteRetentionPolicy', async () => {
    const before = await logRetention.snapshot(action, sdkContext());
    expect(before).toEqual({ logGroupName: NAME, logGroupArn: ARN, retentionDays: null });
    logs.on(PutRetentionPolicyCommand).resolves({});
    expect(await logRetention.apply(action, before, sdkContext())).toEqual({ logGroupName: NAME, retentionDays: 30 });
    expect(logs.commandCalls(PutRetentionPolicyCommand)[0].args[0].input).toEqual({ logGroupName: NAME, retentionInDays: 30 });
    logs.on(DescribeLogGroupsCommand).resolves(group(30));
    logs.on(DeleteRetentionPolicyCommand).resolves({});
    expect(await logRetention.rollback(action, before, sdkContext())).toMatchObject({ status: 'rolled-back' });
    expect(logs.commandCalls(DeleteRetentionPolicyCommand)[0].args[0].input).toEqual({ logGroupName: NAME });
  });

  it('restores a previous finite retention with PutRetentionPolicy', async () => {
    logs.on(DescribeLogGroupsCommand).resolves(group(30));
    logs.on(PutRetentionPolicyCommand).resolves({});
    await logRetention.rollback(action, { logGroupName: NAME, logGroupArn: ARN, retentionDays: 365 }, sdkContext());
    expect(logs.commandCalls(PutRetentionPolicyCommand)[0].args[0].input).toEqual({ logGroupName: NAME, retentionInDays: 365 });
    expect(logRetention.validation(action).metrics.map((m) => [m.name, m.worseWhen])).toEqual([['incomingLogEvents', 'lower'], ['incomingBytes', 'lower']]);
  });

  it('rejects a proposed retention CloudWatch Logs does not accept', async () => {
    expect(await logRetention.precheck({ ...action, proposed: { retentionDays: 10 } }, sdkContext())).toMatchObject({ ok: false, reason: expect.stringMatching(/not a log-retention change/) });
  });
});
