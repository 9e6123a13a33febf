import type { Snapshot, Tag, Volume, VolumeType } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import type { Action } from '../../engine/types/action.js';
import { alarmCheck, attachAttemptCheck } from '../validation/checks.js';
import type { Ec2Port, Executor, ExecutorContext, PrecheckOutcome, RollbackOutcome, ValidationPlan } from './executor.js';
import { arnPart, EBS_KMS_PERMISSIONS, eligibilityOf, errorCode, errorMessage, inTagScope, InvalidExecutorAction, parseChange, pollUntil, tagRecord, tagScopeReason } from './support.js';

/**
 * Snapshot, then delete, an unattached EBS volume. Precheck: the volume is still `available` (attached to
 * nothing) with the recorded type and size, and in the tag scope. Rollback point: the volume's AZ, type, size,
 * IOPS, throughput and tags (read only: the RollbackPoint function has no write permission). Apply: CreateSnapshot
 * tagged `headroom:action-id=<action id>` (plus the volume's own tags), wait until it is `completed` (polled in
 * the Lambda every 15 s, at most 32 times = 8 minutes, inside the 10-minute apply timeout; a larger volume's
 * first snapshot can take longer, then apply fails with OperationStillInProgress BEFORE deleting anything, and the
 * rollback finds the volume intact), then DeleteVolume. Idempotent: an existing tagged snapshot is reused.
 * Rollback: CreateVolume from that snapshot in the same AZ with the same type/size/IOPS/throughput/tags. The
 * restored volume has a NEW volume id (reported in `restored`). Validation: nothing tried to attach the deleted volume
 * (CloudTrail event history, validation/checks.ts attachAttemptCheck: CloudWatch has no metric of a deleted volume) and
 * none of its CloudWatch alarms went into ALARM.
 */

export const EBS_SNAPSHOT_DELETE = 'ebs-snapshot-delete';

/** Tag put on the snapshot apply creates; rollback finds the snapshot by it. */
export const ACTION_TAG = 'headroom:action-id';
export const CREATED_BY_TAG = 'headroom:created-by';

const CurrentSchema = z.object({ state: z.literal('available'), volumeType: z.string(), sizeGiB: z.number().positive() });
const ProposedSchema = z.object({ state: z.literal('deleted'), snapshotFirst: z.literal(true).optional() });
const BeforeSchema = z.object({
  volumeId: z.string(),
  availabilityZone: z.string(),
  volumeType: z.string(),
  sizeGiB: z.number(),
  iops: z.number().optional(),
  throughputMiBps: z.number().optional(),
  tags: z.record(z.string(), z.string()),
});
type Before = z.infer<typeof BeforeSchema>;

const parse = (action: Action) => parseChange(action, 'snapshot-and-delete', CurrentSchema, ProposedSchema);
const volumeIdOf = (action: Action) => arnPart(action, /:volume\/(vol-[0-9a-f]+)$/, 'an EBS volume');
const SNAPSHOT_POLL = { attempts: 32, intervalMs: 15_000 };

async function describeVolume(ec2: Ec2Port, volumeId: string): Promise<Volume | undefined> {
  try {
    const { Volumes = [] } = await ec2.describeVolumes({ VolumeIds: [volumeId] });
    return Volumes.find((volume) => volume.VolumeId === volumeId);
  } catch (error) {
    if (errorCode(error) === 'InvalidVolume.NotFound') return undefined;
    throw error;
  }
}

/** The newest snapshot this action created of the volume, if any. */
async function actionSnapshot(ec2: Ec2Port, volumeId: string, actionId: string): Promise<Snapshot | undefined> {
  const { Snapshots = [] } = await ec2.describeSnapshots({
    OwnerIds: ['self'],
    Filters: [
      { Name: 'volume-id', Values: [volumeId] },
      { Name: `tag:${ACTION_TAG}`, Values: [actionId] },
    ],
  });
  return Snapshots.filter((s) => s.State !== 'error').sort((a, b) => (b.StartTime?.getTime() ?? 0) - (a.StartTime?.getTime() ?? 0))[0];
}

/** User tags only: keys starting with `aws:` are reserved and cannot be set. */
function userTags(tags: Record<string, string>): Tag[] {
  return Object.entries(tags)
    .filter(([key]) => !key.startsWith('aws:'))
    .map(([Key, Value]) => ({ Key, Value }));
}

/** A snapshot-then-delete of an available EBS volume ARN. */
function eligibility(action: Action): PrecheckOutcome {
  return eligibilityOf(() => {
    parse(action);
    volumeIdOf(action);
    return undefined;
  });
}

async function precheck(action: Action, ctx: ExecutorContext): Promise<PrecheckOutcome> {
  const eligible = eligibility(action);
  if (!eligible.ok) return eligible;
  const { current } = parse(action);
  const volumeId = volumeIdOf(action);
  const volume = await describeVolume(ctx.ec2(action.resource.region), volumeId);
  if (!volume) return { ok: false, reason: `volume ${volumeId} no longer exists` };
  if (volume.State !== 'available' || (volume.Attachments ?? []).length > 0) {
    return { ok: false, reason: `volume ${volumeId} is ${volume.State}${volume.Attachments?.length ? ' and attached' : ''}, not available` };
  }
  if (volume.VolumeType !== current.volumeType || volume.Size !== current.sizeGiB) {
    return { ok: false, reason: `volume ${volumeId} is now ${volume.VolumeType} ${volume.Size} GiB, not the ${current.volumeType} ${current.sizeGiB} GiB the action was computed for` };
  }
  if (!inTagScope(tagRecord(volume.Tags), ctx)) return { ok: false, reason: tagScopeReason(`volume ${volumeId}`, ctx) };
  return { ok: true };
}

async function snapshot(action: Action, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const volumeId = volumeIdOf(action);
  const volume = await describeVolume(ctx.ec2(action.resource.region), volumeId);
  if (!volume) throw new InvalidExecutorAction(`Volume ${volumeId} disappeared before its rollback point was recorded.`);
  const before: Before = {
    volumeId,
    availabilityZone: volume.AvailabilityZone ?? '',
    volumeType: volume.VolumeType ?? 'gp2',
    sizeGiB: volume.Size ?? 0,
    iops: volume.Iops,
    throughputMiBps: volume.Throughput,
    tags: tagRecord(volume.Tags),
  };
  return before;
}

async function apply(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  parse(action);
  const before = BeforeSchema.parse(beforeRecord);
  const ec2 = ctx.ec2(action.resource.region);
  let snap = await actionSnapshot(ec2, before.volumeId, action.id);
  const volume = await describeVolume(ec2, before.volumeId);
  if (!volume) {
    // An earlier attempt already deleted it; only report success if the snapshot it took exists.
    if (snap?.State === 'completed') return { volumeId: before.volumeId, state: 'deleted', snapshotId: snap.SnapshotId };
    throw new InvalidExecutorAction(`Volume ${before.volumeId} is gone and no completed snapshot of it by action ${action.id} exists.`);
  }
  if (!snap) {
    const created = await ec2.createSnapshot({
      VolumeId: before.volumeId,
      Description: `headroom: before deleting unattached volume ${before.volumeId} (action ${action.id})`,
      TagSpecifications: [
        { ResourceType: 'snapshot', Tags: [...userTags(before.tags), { Key: ACTION_TAG, Value: action.id }, { Key: CREATED_BY_TAG, Value: 'headroom' }] },
      ],
    });
    snap = { SnapshotId: created.SnapshotId, State: created.State };
  }
  const snapshotId = snap.SnapshotId;
  if (!snapshotId) throw new Error(`CreateSnapshot for volume ${before.volumeId} returned no snapshot id.`);
  const done = await pollUntil(
    ctx,
    async () => (await ec2.describeSnapshots({ SnapshotIds: [snapshotId] })).Snapshots?.[0],
    (found) => found?.State !== 'pending',
    { ...SNAPSHOT_POLL, what: `Snapshot ${snapshotId} of volume ${before.volumeId} (the volume was not deleted)` },
  );
  if (done?.State !== 'completed') {
    throw new Error(`Snapshot ${snapshotId} of volume ${before.volumeId} ended ${done?.State ?? 'missing'}: ${done?.StateMessage ?? ''}; the volume was not deleted.`);
  }
  await ec2.deleteVolume({ VolumeId: before.volumeId });
  return { volumeId: before.volumeId, state: 'deleted', snapshotId };
}

async function rollback(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<RollbackOutcome> {
  const before = BeforeSchema.parse(beforeRecord);
  const ec2 = ctx.ec2(action.resource.region);
  if (await describeVolume(ec2, before.volumeId)) return { status: 'not-needed', reason: `volume ${before.volumeId} still exists` };
  const snap = await actionSnapshot(ec2, before.volumeId, action.id);
  if (snap?.State !== 'completed' || !snap.SnapshotId) {
    return { status: 'refused', reason: `volume ${before.volumeId} is deleted and no completed snapshot tagged ${ACTION_TAG}=${action.id} exists to restore it from` };
  }
  const volumeType = before.volumeType as VolumeType;
  try {
    const created = await ec2.createVolume({
      SnapshotId: snap.SnapshotId,
      AvailabilityZone: before.availabilityZone,
      VolumeType: volumeType,
      Size: before.sizeGiB,
      // gp2/st1/sc1/standard derive IOPS from size and reject an explicit value.
      Iops: ['io1', 'io2', 'gp3'].includes(volumeType) ? before.iops : undefined,
      Throughput: volumeType === 'gp3' ? before.throughputMiBps : undefined,
      TagSpecifications: [{ ResourceType: 'volume', Tags: [...userTags(before.tags), { Key: 'headroom:restored-from', Value: before.volumeId }] }],
    });
    return { status: 'rolled-back', restored: { ...before, volumeId: created.VolumeId, restoredFrom: before.volumeId, snapshotId: snap.SnapshotId } };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'VolumeLimitExceeded' || code === 'InsufficientVolumeCapacity') {
      return { status: 'refused', reason: `AWS refused to restore volume ${before.volumeId} from ${snap.SnapshotId}: ${code}: ${errorMessage(error)}` };
    }
    throw error;
  }
}

/** Attach attempts and alarms: see the file comment. */
function validation(action: Action): ValidationPlan {
  const volumeId = volumeIdOf(action);
  return { metrics: [], checks: [attachAttemptCheck(volumeId), alarmCheck({ name: 'VolumeId', value: volumeId })] };
}

export const ebsSnapshotDelete: Executor = {
  id: EBS_SNAPSHOT_DELETE,
  // KMS: rollback's CreateVolume from a snapshot encrypted with a customer-managed key (see EBS_KMS_PERMISSIONS).
  permissions: ['ec2:DescribeVolumes', 'ec2:DescribeSnapshots', 'ec2:CreateSnapshot', 'ec2:CreateTags', 'ec2:DeleteVolume', 'ec2:CreateVolume', 'cloudtrail:LookupEvents', ...EBS_KMS_PERMISSIONS],
  eligibility,
  precheck,
  snapshot,
  apply,
  rollback,
  validation,
};
