import { describe, expect, it } from 'vitest';
import {
  CHANGE_STEPS,
  EXECUTOR_IDS,
  EXECUTOR_PERMISSIONS,
  executorActions,
  executorStatements,
  isReadAction,
  parseTagScope,
  readOnlyStatements,
} from '../../lib/executor-permissions.js';

const scope = { partition: 'aws', account: '111122223333', region: 'eu-west-1' };

describe('executor permissions', () => {
  it('grants nothing when no executor is enabled', () => {
    expect(executorStatements([], [scope], 'headroom:managed=true')).toEqual([]);
  });

  it('never puts a write action on a * resource, for any executor', () => {
    for (const statement of executorStatements(EXECUTOR_IDS, [scope])) {
      const writes = statement.actions.filter((action) => !isReadAction(action));
      if (writes.length > 0) expect(statement.resources, writes.join(',')).not.toContain('*');
    }
  });

  it('scopes writes to resource ARNs of the account and each region', () => {
    const statements = executorStatements(['ebs-gp2-to-gp3'], [scope, { ...scope, region: 'us-east-1' }]);
    const modify = statements.find((statement) => statement.actions.includes('ec2:ModifyVolume'));
    expect(modify?.resources).toEqual([
      'arn:aws:ec2:eu-west-1:111122223333:volume/*',
      'arn:aws:ec2:us-east-1:111122223333:volume/*',
    ]);
  });

  it('adds the aws:ResourceTag condition to writes on existing resources only', () => {
    const statements = executorStatements(['ebs-snapshot-delete'], [scope], 'headroom:managed=true');
    const deleteVolume = statements.find((statement) => statement.actions.includes('ec2:DeleteVolume'));
    expect(deleteVolume?.conditions).toEqual({ StringEquals: { 'aws:ResourceTag/headroom:managed': 'true' } });
    const createTags = statements.find((statement) => statement.actions.includes('ec2:CreateTags'));
    expect(createTags?.conditions).toEqual({ StringEquals: { 'ec2:CreateAction': 'CreateSnapshot' } });
    expect(createTags?.resources).toEqual(['arn:aws:ec2:eu-west-1::snapshot/*']);
    const describe = statements.find((statement) => statement.actions.includes('ec2:DescribeVolumes'));
    expect(describe?.conditions).toBeUndefined();
  });

  it('lists the actions each executor declares', () => {
    expect(executorActions('lambda-memory')).toEqual([
      'lambda:GetAlias',
      'lambda:GetFunctionConfiguration',
      'lambda:ListTags',
      'lambda:PublishVersion',
      'lambda:UpdateAlias',
      'lambda:UpdateFunctionConfiguration',
    ]);
    expect(executorActions('log-retention')).toEqual(['logs:DeleteRetentionPolicy', 'logs:DescribeLogGroups', 'logs:ListTagsForResource', 'logs:PutRetentionPolicy']);
  });

  it('keeps only read actions for the inspecting functions', () => {
    const reading = readOnlyStatements(executorStatements(['ec2-instance-type'], [scope]));
    // kms:DescribeKey is read-only too, and still limited to calls EC2 makes (kms:ViaService).
    expect(reading.flatMap((statement) => statement.actions)).toEqual(['kms:DescribeKey', 'ec2:DescribeInstances', 'ec2:DescribeInstanceTypes']);
    expect(reading.find((statement) => statement.actions.includes('kms:DescribeKey'))?.conditions).toEqual({ StringLike: { 'kms:ViaService': 'ec2.*.amazonaws.com' } });
  });

  it('lets ModifyInstanceAttribute set only the instance type, and KMS be used only by EC2 for AWS resources', () => {
    const statements = executorStatements(['ec2-instance-type'], [scope], 'headroom:managed=true', 'apply');
    const modify = statements.find((statement) => statement.actions.includes('ec2:ModifyInstanceAttribute'));
    expect(modify).toEqual({
      actions: ['ec2:ModifyInstanceAttribute'],
      resources: ['arn:aws:ec2:eu-west-1:111122223333:instance/*'],
      conditions: { Null: { 'ec2:Attribute/InstanceType': 'false' }, StringEquals: { 'aws:ResourceTag/headroom:managed': 'true' } },
    });
    const grant = statements.find((statement) => statement.actions.includes('kms:CreateGrant'));
    expect(grant).toEqual({
      actions: ['kms:CreateGrant'],
      resources: ['arn:aws:kms:eu-west-1:111122223333:key/*'],
      conditions: { StringLike: { 'kms:ViaService': 'ec2.*.amazonaws.com' }, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    });
    // ec2-stop uses the key only to start the instance again, in rollback.
    expect(executorStatements(['ec2-stop'], [scope], undefined, 'apply').flatMap((statement) => statement.actions)).not.toContain('kms:CreateGrant');
    expect(executorStatements(['ec2-stop'], [scope], undefined, 'rollback').flatMap((statement) => statement.actions)).toContain('kms:CreateGrant');
  });

  it('parses key=value tag scopes and rejects others', () => {
    expect(parseTagScope('team=web=1')).toEqual({ key: 'team', value: 'web=1' });
    expect(() => parseTagScope('=x')).toThrow('is not key=value');
  });
  it('gives the rollback-point (snapshot) step of gp2 → gp3 only reads, apply and rollback the ModifyVolume', () => {
    const actions = (step: (typeof CHANGE_STEPS)[number]) => executorStatements(['ebs-gp2-to-gp3'], [scope], undefined, step).flatMap((s) => s.actions);
    expect(actions('snapshot')).toEqual(['ec2:DescribeVolumes', 'ec2:DescribeVolumesModifications']);
    expect(actions('apply')).toContain('ec2:ModifyVolume');
    expect(actions('rollback')).toContain('ec2:ModifyVolume');
  });

  it('names the steps of every grant with a write action, and grants each declared action to some step', () => {
    for (const id of EXECUTOR_IDS) {
      for (const grant of EXECUTOR_PERMISSIONS[id]) {
        if (!grant.actions.every(isReadAction)) expect(grant.steps?.length, `${id} ${grant.actions.join(',')}`).toBeGreaterThan(0);
      }
      const granted = new Set(CHANGE_STEPS.flatMap((step) => executorStatements([id], [scope], undefined, step).flatMap((s) => s.actions)));
      expect([...granted].sort(), id).toEqual(executorActions(id));
    }
  });

  it('lets only the rollback of ebs-snapshot-delete restore a volume, and only from a snapshot Headroom created', () => {
    const statements = (step: (typeof CHANGE_STEPS)[number]) => executorStatements(['ebs-snapshot-delete'], [scope], 'headroom:managed=true', step);
    expect(statements('apply').flatMap((s) => s.actions)).not.toContain('ec2:CreateVolume');
    expect(statements('snapshot').flatMap((s) => s.actions).filter((action) => !isReadAction(action))).toEqual([]);
    const restore = statements('rollback').filter((s) => s.actions.includes('ec2:CreateVolume'));
    expect(restore).toEqual([
      {
        actions: ['ec2:CreateVolume'],
        resources: ['arn:aws:ec2:eu-west-1::snapshot/*'],
        conditions: { StringEquals: { 'aws:ResourceTag/headroom:created-by': 'headroom' } },
      },
      { actions: ['ec2:CreateVolume'], resources: ['arn:aws:ec2:eu-west-1:111122223333:volume/*'] },
    ]);
    const tags = statements('rollback').find((s) => s.actions.includes('ec2:CreateTags'));
    expect(tags?.conditions).toEqual({ StringEquals: { 'ec2:CreateAction': 'CreateVolume' } });
  });

  it('publishes Lambda versions only in apply; moves aliases in apply and rollback', () => {
    const actions = (step: (typeof CHANGE_STEPS)[number]) => executorStatements(['lambda-memory'], [scope], undefined, step).flatMap((s) => s.actions);
    expect(actions('apply')).toEqual(expect.arrayContaining(['lambda:PublishVersion', 'lambda:UpdateAlias', 'lambda:UpdateFunctionConfiguration']));
    expect(actions('rollback')).not.toContain('lambda:PublishVersion');
    expect(actions('rollback')).toEqual(expect.arrayContaining(['lambda:UpdateAlias', 'lambda:UpdateFunctionConfiguration']));
    expect(actions('snapshot').filter((action) => !isReadAction(action))).toEqual([]);
  });
});
