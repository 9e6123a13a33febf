import {
  DescribeVolumesCommand,
  DescribeVolumesModificationsCommand,
  EC2Client,
  ModifyVolumeCommand,
  type DescribeVolumesCommandOutput,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { RollbackNotYetPossible } from '../../../lambdas/actions/executors/support.js';
import { ebsGp2ToGp3 } from '../../../lambdas/actions/executors/ebs-gp2-to-gp3.js';
import type { ExecutorContext } from '../../../lambdas/actions/executors/executor.js';
import { ebsAction, fixture, VOLUME_ID } from '../helpers.js';
import { sdkContext } from './support/context.js';

const ec2 = mockClient(EC2Client);

function awsError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, $fault: 'client' });
}

function volumes(patch: Record<string, unknown> = {}): DescribeVolumesCommandOutput {
  const out = fixture<{ Volumes: Record<string, unknown>[] }>('describe-volumes-gp2.json');
  out.Volumes[0] = { ...out.Volumes[0], ...patch };
  return { ...out, $metadata: {} } as DescribeVolumesCommandOutput;
}

function context(overrides: Partial<ExecutorContext> = {}): ExecutorContext {
  return sdkContext(overrides);
}

describe('ebs-gp2-to-gp3 executor', () => {
  beforeEach(() => {
    ec2.reset();
    ec2.on(DescribeVolumesCommand).resolves(volumes());
    ec2.on(DescribeVolumesModificationsCommand).rejects(awsError('InvalidVolumeModification.NotFound', 'Modification for volume does not exist.'));
  });

  describe('precheck', () => {
    it('passes a gp2 volume of the recorded size with no modification in progress', async () => {
      expect(await ebsGp2ToGp3.precheck(ebsAction(), context())).toEqual({ ok: true });
      expect(ec2.commandCalls(DescribeVolumesCommand)[0].args[0].input).toEqual({ VolumeIds: [VOLUME_ID] });
    });

    it('fails when the volume is already gp3', async () => {
      ec2.on(DescribeVolumesCommand).resolves(volumes({ VolumeType: 'gp3' }));
      expect(await ebsGp2ToGp3.precheck(ebsAction(), context())).toEqual({ ok: false, reason: `volume ${VOLUME_ID} is now gp3, not gp2` });
    });

    it('fails when the volume was resized since the analysis', async () => {
      ec2.on(DescribeVolumesCommand).resolves(volumes({ Size: 750 }));
      expect(await ebsGp2ToGp3.precheck(ebsAction(), context())).toMatchObject({ ok: false, reason: expect.stringContaining('750 GiB') });
    });

    it('fails when the volume is gone', async () => {
      ec2.on(DescribeVolumesCommand).rejects(awsError('InvalidVolume.NotFound', `The volume '${VOLUME_ID}' does not exist.`));
      expect(await ebsGp2ToGp3.precheck(ebsAction(), context())).toEqual({ ok: false, reason: `volume ${VOLUME_ID} no longer exists` });
    });

    it('fails when a modification is still optimizing', async () => {
      ec2.on(DescribeVolumesModificationsCommand).resolves({
        VolumesModifications: [{ VolumeId: VOLUME_ID, ModificationState: 'optimizing', Progress: 40 }],
      });
      expect(await ebsGp2ToGp3.precheck(ebsAction(), context())).toMatchObject({ ok: false, reason: expect.stringContaining('optimizing (40 %)') });
    });

    it('honours the tag scope', async () => {
      expect(await ebsGp2ToGp3.precheck(ebsAction(), context({ tagScope: { key: 'headroom:managed', value: 'true' } }))).toEqual({ ok: true });
      expect(await ebsGp2ToGp3.precheck(ebsAction(), context({ tagScope: { key: 'team', value: 'data' } }))).toMatchObject({ ok: false });
    });

    it('refuses an action that is not a gp2 → gp3 change', async () => {
      expect(await ebsGp2ToGp3.precheck(ebsAction({ proposed: { volumeType: 'io2' } }), context())).toMatchObject({ ok: false, reason: expect.stringMatching(/not a gp2 → gp3 change/) });
    });
  });

  it('snapshots the volume as AWS reports it', async () => {
    expect(await ebsGp2ToGp3.snapshot(ebsAction(), context())).toEqual({ volumeId: VOLUME_ID, volumeType: 'gp2', sizeGiB: 500, iops: 1500, throughputMiBps: undefined });
  });

  it('applies ModifyVolume to gp3 with the proposed IOPS and throughput', async () => {
    ec2.on(ModifyVolumeCommand).resolves({
      VolumeModification: { VolumeId: VOLUME_ID, ModificationState: 'modifying', TargetVolumeType: 'gp3', TargetSize: 500, TargetIops: 3000, TargetThroughput: 125, OriginalVolumeType: 'gp2' },
    });
    const after = await ebsGp2ToGp3.apply(ebsAction(), {}, context());
    expect(ec2.commandCalls(ModifyVolumeCommand)[0].args[0].input).toEqual({ VolumeId: VOLUME_ID, VolumeType: 'gp3', Iops: 3000, Throughput: 125 });
    expect(after).toEqual({ volumeId: VOLUME_ID, volumeType: 'gp3', sizeGiB: 500, iops: 3000, throughputMiBps: 125, modificationState: 'modifying' });
  });

  describe('apply, invoked again after an attempt that reached AWS', () => {
    it('reports a volume already gp3 as applied without a second ModifyVolume', async () => {
      ec2.on(DescribeVolumesCommand).resolves(volumes({ VolumeType: 'gp3', Iops: 3000, Throughput: 125 }));
      const after = await ebsGp2ToGp3.apply(ebsAction(), {}, context());
      expect(ec2.commandCalls(ModifyVolumeCommand)).toHaveLength(0);
      expect(after).toMatchObject({ volumeId: VOLUME_ID, volumeType: 'gp3', iops: 3000, throughputMiBps: 125 });
    });

    it('reports a gp3 modification still in progress as applied without a second ModifyVolume', async () => {
      ec2.on(DescribeVolumesModificationsCommand).resolves({
        VolumesModifications: [{ VolumeId: VOLUME_ID, ModificationState: 'modifying', TargetVolumeType: 'gp3', TargetSize: 500, TargetIops: 3000, TargetThroughput: 125 }],
      });
      const after = await ebsGp2ToGp3.apply(ebsAction(), {}, context());
      expect(ec2.commandCalls(ModifyVolumeCommand)).toHaveLength(0);
      expect(after).toEqual({ volumeId: VOLUME_ID, volumeType: 'gp3', sizeGiB: 500, iops: 3000, throughputMiBps: 125, modificationState: 'modifying' });
    });
  });

  it('leaves the latency undefined when any of its inputs is missing at a timestamp', () => {
    const [latency] = ebsGp2ToGp3.validation(ebsAction()).metrics;
    if (latency.kind !== 'level') throw new Error('latency is a level metric');
    expect(latency.combine({ readTime: 0.3, readOps: 100, writeOps: 100 })).toBeUndefined();
    expect(latency.combine({ readTime: 0.3, writeTime: 0.1, readOps: 100 })).toBeUndefined();
  });

  describe('rollback', () => {
    const before = { volumeId: VOLUME_ID, volumeType: 'gp2', sizeGiB: 500, iops: 1500 };

    it('modifies the volume back to gp2 without IOPS or throughput', async () => {
      ec2.on(DescribeVolumesCommand).resolves(volumes({ VolumeType: 'gp3', Iops: 3000, Throughput: 125 }));
      ec2.on(DescribeVolumesModificationsCommand).resolves({ VolumesModifications: [{ VolumeId: VOLUME_ID, ModificationState: 'completed' }] });
      ec2.on(ModifyVolumeCommand).resolves({ VolumeModification: { VolumeId: VOLUME_ID, ModificationState: 'modifying', TargetVolumeType: 'gp2' } });
      expect(await ebsGp2ToGp3.rollback(ebsAction(), before, context())).toEqual({ status: 'rolled-back', restored: before });
      expect(ec2.commandCalls(ModifyVolumeCommand)[0].args[0].input).toEqual({ VolumeId: VOLUME_ID, VolumeType: 'gp2', Iops: undefined, Throughput: undefined });
    });

    it('throws RollbackNotYetPossible (retried by the state machine) while the apply modification is still optimizing, without calling ModifyVolume', async () => {
      ec2.on(DescribeVolumesCommand).resolves(volumes({ VolumeType: 'gp3' }));
      ec2.on(DescribeVolumesModificationsCommand).resolves({ VolumesModifications: [{ VolumeId: VOLUME_ID, ModificationState: 'optimizing', Progress: 5 }] });
      const rollback = ebsGp2ToGp3.rollback(ebsAction(), before, context());
      await expect(rollback).rejects.toBeInstanceOf(RollbackNotYetPossible);
      await expect(rollback).rejects.toMatchObject({ name: 'RollbackNotYetPossible', message: expect.stringContaining('optimizing (5 %)') });
      expect(ec2.commandCalls(ModifyVolumeCommand)).toHaveLength(0);
    });

    it("throws RollbackNotYetPossible when AWS's modification cooldown rejects it", async () => {
      ec2.on(DescribeVolumesCommand).resolves(volumes({ VolumeType: 'gp3' }));
      ec2.on(ModifyVolumeCommand).rejects(awsError('VolumeModificationRateExceeded', "You've reached the maximum modification rate per volume limit."));
      await expect(ebsGp2ToGp3.rollback(ebsAction(), before, context())).rejects.toMatchObject({
        name: 'RollbackNotYetPossible',
        message: expect.stringContaining('VolumeModificationRateExceeded'),
      });
    });

    it('reports refused only when the volume no longer exists', async () => {
      ec2.on(DescribeVolumesCommand).rejects(awsError('InvalidVolume.NotFound', `The volume '${VOLUME_ID}' does not exist.`));
      expect(await ebsGp2ToGp3.rollback(ebsAction(), before, context())).toMatchObject({ status: 'refused', reason: expect.stringContaining('no longer exists') });
    });

    it('does nothing when the volume is still gp2 (the apply never took effect)', async () => {
      expect(await ebsGp2ToGp3.rollback(ebsAction(), before, context())).toMatchObject({ status: 'not-needed' });
      expect(ec2.commandCalls(ModifyVolumeCommand)).toHaveLength(0);
    });

    it('re-throws unexpected errors so Step Functions can retry', async () => {
      ec2.on(DescribeVolumesCommand).resolves(volumes({ VolumeType: 'gp3' }));
      ec2.on(ModifyVolumeCommand).rejects(awsError('RequestLimitExceeded', 'Request limit exceeded.'));
      await expect(ebsGp2ToGp3.rollback(ebsAction(), before, context())).rejects.toThrow('Request limit exceeded.');
    });
  });

  it('declares latency and queue-length validation metrics for the volume', () => {
    const metrics = ebsGp2ToGp3.validation(ebsAction()).metrics;
    expect(metrics.map((m) => m.name)).toEqual(['averageLatencyMs', 'volumeQueueLength']);
    const latency = metrics[0];
    if (latency.kind !== 'level') throw new Error('latency is a level metric');
    expect(latency.combine({ readTime: 0.3, writeTime: 0.1, readOps: 100, writeOps: 100 })).toBeCloseTo(2, 10);
    expect(latency.combine({ readTime: 0, writeTime: 0, readOps: 0, writeOps: 0 })).toBeUndefined();
    expect(latency.inputs.readOps.dimensions).toEqual([{ name: 'VolumeId', value: VOLUME_ID }]);
  });
});
