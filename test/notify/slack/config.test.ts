import { describe, expect, it } from 'vitest';
import { readSlackConfig } from '../../../lambdas/notify/slack/config.js';

const BASE = { TABLE_NAME: 't', SLACK_SECRET_ARN: 'arn:s', SLACK_CHANNEL: '#finops' };

describe('readSlackConfig', () => {
  it('defaults to no enabled executors, no team channels and the "team" owner tag', () => {
    expect(readSlackConfig(BASE)).toEqual({ tableName: 't', secretArn: 'arn:s', channel: '#finops', reportUrlTemplate: undefined, enabledExecutors: [], teamChannels: {}, ownerTagKey: 'team', topN: undefined, homeAccount: undefined, reportBucket: undefined, reportLinkTtlSeconds: 604800 });
  });

  it('reads executors, team channels and the top-N', () => {
    const config = readSlackConfig({ ...BASE, ENABLED_EXECUTORS: 'a, b,,', SLACK_TEAM_CHANNELS: '{"payments":"#pay"}', SLACK_OWNER_TAG: 'owner-team', DIGEST_TOP_N: '15' });
    expect(config).toMatchObject({ enabledExecutors: ['a', 'b'], teamChannels: { payments: '#pay' }, ownerTagKey: 'owner-team', topN: 15 });
  });

  it('reads the deployment account that limits Approve buttons to its own resources', () => {
    expect(readSlackConfig({ ...BASE, ACCOUNT_ID: '123456789012' }).homeAccount).toBe('123456789012');
    expect(() => readSlackConfig({ ...BASE, ACCOUNT_ID: '1234' })).toThrow(/ACCOUNT_ID must be a 12-digit AWS account id/);
  });

  it('names the variable that is wrong', () => {
    expect(() => readSlackConfig({ ...BASE, SLACK_SECRET_ARN: undefined })).toThrow('environment variable SLACK_SECRET_ARN must be set');
    expect(() => readSlackConfig({ ...BASE, SLACK_TEAM_CHANNELS: 'payments=#pay' })).toThrow(/SLACK_TEAM_CHANNELS is not JSON/);
    expect(() => readSlackConfig({ ...BASE, SLACK_TEAM_CHANNELS: '["#pay"]' })).toThrow(/SLACK_TEAM_CHANNELS must map team names/);
    expect(() => readSlackConfig({ ...BASE, REPORT_URL: 'ftp://x/y' })).toThrow(/REPORT_URL must be an http\(s\) URL/);
    expect(() => readSlackConfig({ ...BASE, DIGEST_TOP_N: '0' })).toThrow(/DIGEST_TOP_N/);
  });
});
