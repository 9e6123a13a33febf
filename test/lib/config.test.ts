import { describe, expect, it } from 'vitest';
import { configFromContext, DeployConfigError, parseDeployConfig } from '../../lib/config.js';
import { buildApp } from '../../lib/app.js';

function errorOf(run: () => unknown): DeployConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeployConfigError) return error;
    throw error;
  }
  throw new Error('expected a DeployConfigError, nothing was thrown');
}

describe('deploy configuration', () => {
  it('has defaults for every field so an empty context synthesises', () => {
    const config = parseDeployConfig({});
    expect(config.enabledExecutors).toEqual([]);
    expect(config.bakeMinutes).toBe(60);
    expect(config.headroomPercent).toBe(20);
    expect(config.lookbackDays).toBe(14);
    expect(config.schedules.analysisAt).toBe('06:00');
    expect(config.table).toEqual({ deletionProtection: true, pointInTimeRecovery: true, removalPolicy: 'retain' });
    expect(config.slack.approverIds).toEqual([]);
  });

  it('names the field in a one-line message when a value is out of range', () => {
    const error = errorOf(() => parseDeployConfig({ bakeMinutes: 2 }));
    expect(error.message).toBe('Invalid deploy configuration: headroom.bakeMinutes: expected number ≥ 5');
    expect(error.message).not.toContain('\n');
  });

  it('measures realised savings only within the lookback the series cover', () => {
    expect(parseDeployConfig({}).realisedSavingsAfterDays).toBe(7);
    expect(errorOf(() => parseDeployConfig({ lookbackDays: 7 })).message).toBe(
      'Invalid deploy configuration: headroom.realisedSavingsAfterDays: expected fewer days than lookbackDays (7)',
    );
  });

  it('names nested fields and lists every bad field on the same line', () => {
    const error = errorOf(() => parseDeployConfig({ accounts: ['123'], schedules: { analysisAt: '25:00' } }));
    expect(error.message).toContain('headroom.accounts.0: expected a 12-digit AWS account id');
    expect(error.message).toContain('headroom.schedules.analysisAt: expected a time of day as HH:MM');
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('rejects unknown executors, unknown keys, bad tag scopes and unknown time zones', () => {
    expect(errorOf(() => parseDeployConfig({ enabledExecutors: ['rm-rf'] })).message).toContain('headroom.enabledExecutors.0: expected one of ebs-gp2-to-gp3');
    expect(errorOf(() => parseDeployConfig({ bakeMinute: 30 })).message).toContain('bakeMinute');
    expect(errorOf(() => parseDeployConfig({ tagScope: 'headroom' })).message).toContain('headroom.tagScope: expected key=value');
    expect(errorOf(() => parseDeployConfig({ schedules: { timeZone: 'Mars/Olympus' } })).message).toContain('headroom.schedules.timeZone');
    expect(errorOf(() => parseDeployConfig({ logRetentionDays: 10 })).message).toContain('headroom.logRetentionDays: expected one of 1, 3');
  });

  it('rejects a destroy removal policy on a deletion-protected table, which would make stack deletion fail', () => {
    expect(errorOf(() => parseDeployConfig({ table: { removalPolicy: 'destroy' } })).message).toContain(
      'headroom.table.removalPolicy: expected deletionProtection false when removalPolicy is destroy',
    );
    expect(parseDeployConfig({ table: { removalPolicy: 'destroy', deletionProtection: false } }).table.removalPolicy).toBe('destroy');
  });

  it('accepts Slack user and user-group ids but not G… ids, which are channels the approver check cannot resolve', () => {
    expect(parseDeployConfig({ slack: { approverIds: ['U012AB3CD', 'W012AB3CD', 'S0614TZR7'] } }).slack.approverIds).toHaveLength(3);
    expect(errorOf(() => parseDeployConfig({ slack: { approverIds: ['G0614TZR7'] } })).message).toContain('headroom.slack.approverIds.0');
  });

  it('requires a sender when email recipients are configured', () => {
    expect(errorOf(() => parseDeployConfig({ email: { recipients: ['ops@example.com'] } })).message).toBe(
      'Invalid deploy configuration: headroom.email.sender: expected email.sender when email.recipients is set',
    );
  });

  it('reads the headroom object, a JSON string, and dotted CLI keys whose string values are JSON or comma lists', () => {
    const config = configFromContext({
      headroom: JSON.stringify({ bakeMinutes: 30, regions: ['eu-west-1'] }),
      'headroom.lookbackDays': '28',
      'headroom.slack.approverIds': 'U012AB3CD,S0614TZR7',
      'headroom.table.deletionProtection': 'false',
      'headroom.slack.channel': '#finops',
      unrelated: 'ignored',
    });
    expect(config.bakeMinutes).toBe(30);
    expect(config.regions).toEqual(['eu-west-1']);
    expect(config.lookbackDays).toBe(28);
    expect(config.slack.approverIds).toEqual(['U012AB3CD', 'S0614TZR7']);
    expect(config.slack.channel).toBe('#finops');
    expect(config.table.deletionProtection).toBe(false);
  });

  it('takes accounts as a list of ids or as organizations, which needs the member role', () => {
    expect(configFromContext({ 'headroom.accounts': '111122223333,444455556666' }).accounts).toEqual(['111122223333', '444455556666']);
    const organization = configFromContext({
      'headroom.accounts': 'organizations',
      'headroom.memberRoleName': 'HeadroomReadOnly',
      'headroom.memberExternalId': 'acme-2026',
    });
    expect(organization.accounts).toBe('organizations');
    expect(errorOf(() => parseDeployConfig({ accounts: 'organizations' })).message).toBe(
      'Invalid deploy configuration: headroom.memberRoleName: expected memberRoleName when accounts is organizations',
    );
    expect(errorOf(() => parseDeployConfig({ accounts: 'organisation' })).message).toContain('headroom.accounts.0: expected a 12-digit AWS account id (or accounts: organizations)');
  });

  it('requires the external id with a member role, as the member stack’s trust policy does', () => {
    expect(errorOf(() => parseDeployConfig({ memberRoleName: 'HeadroomReadOnly' })).message).toBe(
      'Invalid deploy configuration: headroom.memberExternalId: expected memberExternalId when memberRoleName is set',
    );
    expect(errorOf(() => parseDeployConfig({ memberRoleName: 'HeadroomReadOnly', memberExternalId: 'x' })).message).toContain('headroom.memberExternalId: expected an external id');
    expect(parseDeployConfig({ memberRoleName: 'HeadroomReadOnly', memberExternalId: 'acme:headroom/2026' }).memberExternalId).toBe('acme:headroom/2026');
  });

  it('lets a dotted key override the same field of the headroom object', () => {
    expect(configFromContext({ headroom: { bakeMinutes: 30 }, 'headroom.bakeMinutes': 45 }).bakeMinutes).toBe(45);
  });

  it('fails with one line when the headroom context is not an object', () => {
    expect(errorOf(() => configFromContext({ headroom: '{not json' })).message).toMatch(/^Invalid deploy configuration: headroom: expected a JSON object/);
    expect(errorOf(() => configFromContext({ headroom: [1] })).message).toBe('Invalid deploy configuration: headroom: expected a JSON object');
  });
});

describe('tag scope with executors', () => {
  it('fails synth with one line naming tagScope when any executor is enabled without it', () => {
    expect(() => buildApp({ context: { headroom: { enabledExecutors: ['lambda-memory', 'ec2-stop'] } }, skipBundling: true, nag: false })).toThrow(
      /^Invalid deploy configuration: headroom\.tagScope: expected a tag scope \(key=value, e\.g\. headroom:managed=true\) when enabledExecutors is set[^\n]*$/,
    );
    expect(parseDeployConfig({ enabledExecutors: ['lambda-memory'], tagScope: 'headroom:managed=true' }).tagScope).toBe('headroom:managed=true');
    expect(parseDeployConfig({}).enabledExecutors).toEqual([]);
  });
});
