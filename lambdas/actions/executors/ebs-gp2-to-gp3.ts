import type { Volume, VolumeModification } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import type { Action } from '../../engine/types/action.js';
import { alarmCheck } from '../validation/checks.js';
import type { Ec2Port, Executor, ExecutorContext, PrecheckOutcome, RollbackOutcome, ValidationMetric, ValidationPlan } from './executor.js';
import { eligibilityOf, InvalidExecutorAction, RollbackNotYetPossible } from './support.js';

/**
 * EBS gp2 → gp3 (Elastic Volumes, online, no detach or restart). Precheck: the volume still exists,
 * is gp2 with the recorded size, is not mid-modification and is in the tag scope. Rollback point: the
 * volume's type/size/IOPS/throughput as AWS reports them. Apply: ModifyVolume to gp3 with the action's
 * proposed IOPS/throughput. Rollback: ModifyVolume back to gp2 — AWS refuses it while the previous
 * modification is still `modifying`/`optimizing` (IncorrectModificationState) or when the volume's
 * modification quota is used up (VolumeModificationRateExceeded; 4 per rolling 24 h since January
 * 2026, one per 6 h before). Both pass with time (`optimizing` can take hours), so rollback throws
 * RollbackNotYetPossible and the state machine retries it every 30 minutes for 24 hours; only a volume
 * that no longer exists is `refused`.
 */

export const EBS_GP2_TO_GP3 = 'ebs-gp2-to-gp3';

/** The rule's current/proposed shape (lambdas/engine/rules/ebs/gp2-to-gp3.ts); extra keys are ignored. */
const CurrentSchema = z.object({ volumeType: z.literal('gp2'), sizeGiB: z.number().positive() });
const ProposedSchema = z.object({
  volumeType: z.literal('gp3'),
  iops: z.number().int().positive().optional(),
  throughputMiBps: z.number().int().positive().optional(),
});

/** The rollback point and apply result, as stored in the state machine. */
const VolumeConfigSchema = z.object({
  volumeId: z.string(),
  volumeType: z.string(),
  sizeGiB: z.number(),
  iops: z.number().optional(),
  throughputMiBps: z.number().optional(),
});
type VolumeConfig = z.infer<typeof VolumeConfigSchema>;

/** AWS error codes that mean "not now" for ModifyVolume: retrying within the bake period will not help. */
/** ModifyVolume errors that pass with time: a modification still running, the 6-hour cooldown between two. */
const NOT_YET_CODES = new Set(['IncorrectModificationState', 'VolumeModificationRateExceeded']);
const IN_PROGRESS_STATES = new Set(['modifying', 'optimizing']);

export class InvalidEbsAction extends InvalidExecutorAction {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEbsAction';
  }
}

function volumeIdOf(action: Action): string {
  const match = /:volume\/(vol-[0-9a-f]+)$/.exec(action.resource.arn);
  if (!match) throw new InvalidEbsAction(`Resource ${action.resource.arn} is not an EBS volume ARN.`);
  return match[1];
}

function parseChange(action: Action): { current: z.infer<typeof CurrentSchema>; proposed: z.infer<typeof ProposedSchema> } {
  const current = CurrentSchema.safeParse(action.current);
  const proposed = ProposedSchema.safeParse(action.proposed);
  if (!current.success || !proposed.success) {
    throw new InvalidEbsAction(`Action ${action.id} is not a gp2 → gp3 change (current ${JSON.stringify(action.current)}, proposed ${JSON.stringify(action.proposed)}).`);
  }
  return { current: current.data, proposed: proposed.data };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = (error as { name?: unknown; Code?: unknown }).name ?? (error as { Code?: unknown }).Code;
  return typeof candidate === 'string' ? candidate : undefined;
}

/** Reads the volume; undefined when AWS says it no longer exists. */
async function describeVolume(ec2: Ec2Port, volumeId: string): Promise<Volume | undefined> {
  try {
    const { Volumes = [] } = await ec2.describeVolumes({ VolumeIds: [volumeId] });
    return Volumes.find((volume) => volume.VolumeId === volumeId);
  } catch (error) {
    if (errorCode(error) === 'InvalidVolume.NotFound') return undefined;
    throw error;
  }
}

function configOf(volume: Volume): VolumeConfig {
  return {
    volumeId: volume.VolumeId ?? '',
    volumeType: volume.VolumeType ?? 'unknown',
    sizeGiB: volume.Size ?? 0,
    iops: volume.Iops,
    throughputMiBps: volume.Throughput,
  };
}

/** The latest modification still in progress on the volume, if any. */
async function modificationInProgress(ec2: Ec2Port, volumeId: string): Promise<string | undefined> {
  try {
    const { VolumesModifications = [] } = await ec2.describeVolumesModifications({ VolumeIds: [volumeId] });
    const active = VolumesModifications.find((m) => m.ModificationState !== undefined && IN_PROGRESS_STATES.has(m.ModificationState));
    return active ? `${active.ModificationState}${active.Progress === undefined ? '' : ` (${active.Progress} %)`}` : undefined;
  } catch (error) {
    // A volume never modified answers InvalidVolumeModification.NotFound: nothing in progress.
    if (errorCode(error) === 'InvalidVolumeModification.NotFound') return undefined;
    throw error;
  }
}

function inTagScope(volume: Volume, ctx: ExecutorContext): boolean {
  if (!ctx.tagScope) return true;
  const { key, value } = ctx.tagScope;
  return (volume.Tags ?? []).some((tag) => tag.Key === key && tag.Value === value);
}

/** A gp2 → gp3 change of an EBS volume ARN. */
function eligibility(action: Action): PrecheckOutcome {
  return eligibilityOf(() => {
    parseChange(action);
    volumeIdOf(action);
    return undefined;
  });
}

async function precheck(action: Action, ctx: ExecutorContext): Promise<PrecheckOutcome> {
  const eligible = eligibility(action);
  if (!eligible.ok) return eligible;
  const { current } = parseChange(action);
  const volumeId = volumeIdOf(action);
  const ec2 = ctx.ec2(action.resource.region);
  const volume = await describeVolume(ec2, volumeId);
  if (!volume) return { ok: false, reason: `volume ${volumeId} no longer exists` };
  if (volume.VolumeType !== 'gp2') return { ok: false, reason: `volume ${volumeId} is now ${volume.VolumeType}, not gp2` };
  if (volume.Size !== current.sizeGiB) {
    return { ok: false, reason: `volume ${volumeId} is now ${volume.Size} GiB, not the ${current.sizeGiB} GiB the action was computed for` };
  }
  if (volume.State !== 'available' && volume.State !== 'in-use') return { ok: false, reason: `volume ${volumeId} is ${volume.State}` };
  if (!inTagScope(volume, ctx)) {
    return { ok: false, reason: `volume ${volumeId} lacks the tag ${ctx.tagScope?.key}=${ctx.tagScope?.value} required by the tag scope` };
  }
  const inProgress = await modificationInProgress(ec2, volumeId);
  if (inProgress) return { ok: false, reason: `volume ${volumeId} has a modification in progress: ${inProgress}` };
  return { ok: true };
}

async function snapshot(action: Action, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const volumeId = volumeIdOf(action);
  const volume = await describeVolume(ctx.ec2(action.resource.region), volumeId);
  if (!volume) throw new InvalidEbsAction(`Volume ${volumeId} disappeared before its rollback point was recorded.`);
  return configOf(volume);
}

/** A modification to gp3 still under way on the volume, if any (what an earlier Apply attempt started). */
async function modificationToGp3(ec2: Ec2Port, volumeId: string): Promise<VolumeModification | undefined> {
  try {
    const { VolumesModifications = [] } = await ec2.describeVolumesModifications({ VolumeIds: [volumeId] });
    return VolumesModifications.find(
      (m) => m.TargetVolumeType === 'gp3' && m.ModificationState !== undefined && IN_PROGRESS_STATES.has(m.ModificationState),
    );
  } catch (error) {
    if (errorCode(error) === 'InvalidVolumeModification.NotFound') return undefined;
    throw error;
  }
}

function appliedConfig(volumeId: string, proposed: z.infer<typeof ProposedSchema>, modification: VolumeModification | undefined): Record<string, unknown> {
  return {
    volumeId,
    volumeType: modification?.TargetVolumeType ?? 'gp3',
    sizeGiB: modification?.TargetSize,
    iops: modification?.TargetIops ?? proposed.iops,
    throughputMiBps: modification?.TargetThroughput ?? proposed.throughputMiBps,
    modificationState: modification?.ModificationState,
  };
}

/**
 * Idempotent: Apply may be invoked again after an attempt that did reach AWS (a Lambda service error after the
 * function ran, a retried invocation). A volume already gp3, or with a gp3 modification under way, is reported
 * as applied without a second ModifyVolume — which AWS would refuse (IncorrectModificationState) and so turn a
 * good change into a failed apply and a refused rollback.
 */
async function apply(action: Action, _before: Record<string, unknown>, ctx: ExecutorContext): Promise<Record<string, unknown>> {
  const { proposed } = parseChange(action);
  const volumeId = volumeIdOf(action);
  const ec2 = ctx.ec2(action.resource.region);
  const volume = await describeVolume(ec2, volumeId);
  if (volume?.VolumeType === 'gp3') return { ...configOf(volume), modificationState: 'already-gp3' };
  const started = await modificationToGp3(ec2, volumeId);
  if (started) return appliedConfig(volumeId, proposed, started);
  const { VolumeModification: modification } = await ec2.modifyVolume({
    VolumeId: volumeId,
    VolumeType: 'gp3',
    Iops: proposed.iops,
    Throughput: proposed.throughputMiBps,
  });
  return appliedConfig(volumeId, proposed, modification);
}

async function rollback(action: Action, beforeRecord: Record<string, unknown>, ctx: ExecutorContext): Promise<RollbackOutcome> {
  const before = VolumeConfigSchema.parse(beforeRecord);
  const ec2 = ctx.ec2(action.resource.region);
  const volume = await describeVolume(ec2, before.volumeId);
  if (!volume) return { status: 'refused', reason: `volume ${before.volumeId} no longer exists, so it cannot be restored` };
  if (volume.VolumeType === before.volumeType) {
    return { status: 'not-needed', reason: `volume ${before.volumeId} is still ${before.volumeType}` };
  }
  // Not yet possible, but will be: the state machine retries Rollback on RollbackNotYetPossible (every 30 min, 24 h).
  const inProgress = await modificationInProgress(ec2, before.volumeId);
  if (inProgress) {
    throw new RollbackNotYetPossible(`AWS cannot modify volume ${before.volumeId} back to ${before.volumeType} while its previous modification is ${inProgress}.`);
  }
  try {
    // gp2 performance follows size (3 IOPS/GiB); ModifyVolume rejects Iops/Throughput for gp2.
    await ec2.modifyVolume({
      VolumeId: before.volumeId,
      VolumeType: before.volumeType as 'gp2',
      Iops: before.volumeType === 'gp2' ? undefined : before.iops,
      Throughput: before.volumeType === 'gp2' ? undefined : before.throughputMiBps,
    });
  } catch (error) {
    const code = errorCode(error);
    if (code && NOT_YET_CODES.has(code)) {
      throw new RollbackNotYetPossible(`AWS cannot restore volume ${before.volumeId} to ${before.volumeType} yet: ${code}: ${(error as Error).message}`);
    }
    throw error;
  }
  return { status: 'rolled-back', restored: before };
}

/**
 * EBS publishes per-volume metrics; with Nitro instances average latency per operation is
 * (VolumeTotalReadTime + VolumeTotalWriteTime) / (VolumeReadOps + VolumeWriteOps) seconds (Sum stats).
 * Thresholds: latency must rise by ≥ 1 ms and ≥ 25 %; queue length by ≥ 1 and ≥ 50 %. Both vanishing after the change
 * (the presence test) is a regression; the volume's CloudWatch alarms must not go into ALARM.
 */
function validation(action: Action): ValidationPlan {
  const volumeId = volumeIdOf(action);
  const dimensions = [{ name: 'VolumeId', value: volumeId }];
  const sum = (metricName: string) => ({ namespace: 'AWS/EBS', metricName, dimensions, stat: 'Sum' });
  const metrics: ValidationMetric[] = [
    {
      kind: 'level',
      name: 'averageLatencyMs',
      unit: 'ms',
      inputs: {
        readTime: sum('VolumeTotalReadTime'),
        writeTime: sum('VolumeTotalWriteTime'),
        readOps: sum('VolumeReadOps'),
        writeOps: sum('VolumeWriteOps'),
      },
      // Undefined unless all four inputs are present: a missing time read as 0 would show a false latency drop.
      combine: ({ readTime, writeTime, readOps, writeOps }) =>
        readTime === undefined || writeTime === undefined || readOps === undefined || writeOps === undefined || readOps + writeOps <= 0
          ? undefined
          : (1000 * (readTime + writeTime)) / (readOps + writeOps),
      worseWhen: 'higher',
      minRelativeEffect: 0.25,
      minAbsoluteEffect: 1,
    },
    {
      kind: 'level',
      name: 'volumeQueueLength',
      unit: 'count',
      inputs: { queueLength: { namespace: 'AWS/EBS', metricName: 'VolumeQueueLength', dimensions, stat: 'Average' } },
      combine: ({ queueLength }) => queueLength,
      worseWhen: 'higher',
      minRelativeEffect: 0.5,
      minAbsoluteEffect: 1,
    },
  ];
  return { metrics, checks: [alarmCheck({ name: 'VolumeId', value: volumeId })] };
}

export const ebsGp2ToGp3: Executor = {
  id: EBS_GP2_TO_GP3,
  permissions: ['ec2:DescribeVolumes', 'ec2:DescribeVolumesModifications', 'ec2:ModifyVolume'],
  eligibility,
  precheck,
  snapshot,
  apply,
  rollback,
  validation,
};
