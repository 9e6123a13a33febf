import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteVolumeCommand,
  DescribeSnapshotsCommand,
  DescribeVolumesCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ebsSnapshotDelete } from '../../../lambdas/actions/executors/ebs-snapshot-delete.js';
import { OperationStillInProgress } from '../../../lambdas/actions/executors/support.js';
import { actionFor } from './support/actions.js';
import { awsError, sdkContext } from './support/context.js';

const ec2 = mockClient(EC2Client);
const VOLUME_ID = 'vol-0a1b2c3d4e5f60718';
const SNAPSHOT_ID = 'snap-066877671789bd71b';
const action = actionFor(
  'ebs-snapshot-delete',
  `arn:aws:ec2:us-east-1:123456789012:volume/${VOLUME_ID}`,
  { state: 'available', volumeType: 'gp3', sizeGiB: 200 },
  { state: 'deleted', snapshotFirst: true },
  'ebs:volume',
);
const volume = {
  VolumeId: VOLUME_ID,
  AvailabilityZone: 'us-east-1a',
  VolumeType: 'gp3' as const,
  Size: 200,
  Iops: 3000,
  Throughput: 125,
  State: 'available' as const,
  Attachments: [],
  Tags: [{ Key: 'team', Value: 'data' }, { Key: 'aws:cloudformation:stack-name', Value: 'old' }],
};
const before = { volumeId: VOLUME_ID, availabilityZone: 'us-east-1a', volumeType: 'gp3', sizeGiB: 200, iops: 3000, throughputMiBps: 125, tags: { team: 'data', 'aws:cloudformation:stack-name': 'old' } };
const notFound = () => awsError('InvalidVolume.NotFound', `The volume '${VOLUME_ID}' does not exist.`);

describe('ebs-snapshot-delete executor', () => {
  beforeEach(() => {
    ec2.reset();
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [volume] });
    ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [] });
  });

  it('prechecks an unattached volume of the recorded type and size, and refuses an attached one', async () => {
    expect(await ebsSnapshotDelete.precheck(action, sdkContext())).toEqual({ ok: true });
    ec2.on(DescribeVolumesCommand).resolves({ Volumes: [{ ...volume, State: 'in-use', Attachments: [{ InstanceId: 'i-1', State: 'attached' }] }] });
    expect(await ebsSnapshotDelete.precheck(action, sdkContext())).toEqual({ ok: false, reason: `volume ${VOLUME_ID} is in-use and attached, not available` });
  });

  it('records the volume as the rollback point without writing anything', async () => {
    expect(await ebsSnapshotDelete.snapshot(action, sdkContext())).toEqual(before);
    expect(ec2.commandCalls(CreateSnapshotCommand)).toHaveLength(0);
  });

  it('snapshots with the action tag, waits for completion, then deletes', async () => {
    ec2.on(CreateSnapshotCommand).resolves({ SnapshotId: SNAPSHOT_ID, State: 'pending', VolumeId: VOLUME_ID });
    ec2.on(DescribeSnapshotsCommand, { SnapshotIds: [SNAPSHOT_ID] })
      .resolvesOnce({ Snapshots: [{ SnapshotId: SNAPSHOT_ID, State: 'pending', Progress: '40%' }] })
      .resolves({ Snapshots: [{ SnapshotId: SNAPSHOT_ID, State: 'completed', Progress: '100%' }] });
    ec2.on(DeleteVolumeCommand).resolves({});
    expect(await ebsSnapshotDelete.apply(action, before, sdkContext())).toEqual({ volumeId: VOLUME_ID, state: 'deleted', snapshotId: SNAPSHOT_ID });
    const tags = ec2.commandCalls(CreateSnapshotCommand)[0].args[0].input.TagSpecifications?.[0].Tags;
    expect(tags).toEqual([
      { Key: 'team', Value: 'data' },
      { Key: 'headroom:action-id', Value: action.id },
      { Key: 'headroom:created-by', Value: 'headroom' },
    ]);
    expect(ec2.commandCalls(DeleteVolumeCommand)[0].args[0].input).toEqual({ VolumeId: VOLUME_ID });
  });

  it('never deletes the volume while its snapshot is still pending', async () => {
    ec2.on(CreateSnapshotCommand).resolves({ SnapshotId: SNAPSHOT_ID, State: 'pending' });
    ec2.on(DescribeSnapshotsCommand, { SnapshotIds: [SNAPSHOT_ID] }).resolves({ Snapshots: [{ SnapshotId: SNAPSHOT_ID, State: 'pending' }] });
    await expect(ebsSnapshotDelete.apply(action, before, sdkContext())).rejects.toBeInstanceOf(OperationStillInProgress);
    expect(ec2.commandCalls(DeleteVolumeCommand)).toHaveLength(0);
  });

  it('restores the volume from the tagged snapshot in the same AZ with the same type, size, IOPS and user tags', async () => {
    ec2.on(DescribeVolumesCommand).rejects(notFound());
    ec2.on(DescribeSnapshotsCommand).resolves({ Snapshots: [{ SnapshotId: SNAPSHOT_ID, State: 'completed', VolumeId: VOLUME_ID }] });
    ec2.on(CreateVolumeCommand).resolves({ VolumeId: 'vol-0restored000000001', State: 'creating' });
    expect(await ebsSnapshotDelete.rollback(action, before, sdkContext())).toMatchObject({
      status: 'rolled-back',
      restored: { volumeId: 'vol-0restored000000001', restoredFrom: VOLUME_ID, snapshotId: SNAPSHOT_ID },
    });
    expect(ec2.commandCalls(DescribeSnapshotsCommand)[0].args[0].input.Filters).toContainEqual({ Name: 'tag:headroom:action-id', Values: [action.id] });
    expect(ec2.commandCalls(CreateVolumeCommand)[0].args[0].input).toEqual({
      SnapshotId: SNAPSHOT_ID,
      AvailabilityZone: 'us-east-1a',
      VolumeType: 'gp3',
      Size: 200,
      Iops: 3000,
      Throughput: 125,
      TagSpecifications: [{ ResourceType: 'volume', Tags: [{ Key: 'team', Value: 'data' }, { Key: 'headroom:restored-from', Value: VOLUME_ID }] }],
    });
  });

  it('reports the rollback not needed while the volume exists, and refused without a snapshot', async () => {
    expect(await ebsSnapshotDelete.rollback(action, before, sdkContext())).toMatchObject({ status: 'not-needed' });
    ec2.on(DescribeVolumesCommand).rejects(notFound());
    expect(await ebsSnapshotDelete.rollback(action, before, sdkContext())).toMatchObject({ status: 'refused', reason: expect.stringContaining('no completed snapshot') });
  });
});
