import type { Volume, VolumeModification } from '@aws-sdk/client-ec2';
import type { Ec2Port } from '../../actions/executors/executor.js';
import type { InventoryPort } from '../../collectors/ports.js';
import { responseMetadata, SampleServiceError } from '../sample-account/sample-errors.js';

/**
 * The EC2 calls of the executors, answered by the sample account: volumes are read through the sample
 * inventory port (the collectors' view), and ModifyVolume changes are kept in an overlay so a later
 * DescribeVolumes sees them, as in AWS. Elastic Volumes modifications complete at once here (there is no
 * real volume to optimise), so a rollback is never refused for a modification still in progress.
 */
export function createSampleEc2ExecutorPort(inventory: InventoryPort): Ec2Port {
  const changed = new Map<string, Partial<Volume>>();
  const modifications = new Map<string, VolumeModification>();

  async function allVolumes(): Promise<Volume[]> {
    const volumes: Volume[] = [];
    let token: string | undefined;
    do {
      const page = await inventory.describeVolumes({ NextToken: token });
      volumes.push(...(page.Volumes ?? []));
      token = page.NextToken;
    } while (token);
    return volumes.map((volume) => ({ ...volume, ...changed.get(volume.VolumeId ?? '') }));
  }

  return {
    async describeVolumes(input) {
      const wanted = new Set(input.VolumeIds ?? []);
      const volumes = (await allVolumes()).filter((volume) => wanted.size === 0 || wanted.has(volume.VolumeId ?? ''));
      const missing = [...wanted].filter((id) => !volumes.some((volume) => volume.VolumeId === id));
      if (missing.length > 0) throw new SampleServiceError('InvalidVolume.NotFound', `The volume '${missing[0]}' does not exist.`);
      return { Volumes: volumes, $metadata: responseMetadata() };
    },
    async describeVolumesModifications(input) {
      const found = (input.VolumeIds ?? []).flatMap((id) => (modifications.has(id) ? [modifications.get(id) as VolumeModification] : []));
      if (found.length === 0) throw new SampleServiceError('InvalidVolumeModification.NotFound', 'Modification for the volume does not exist.');
      return { VolumesModifications: found, $metadata: responseMetadata() };
    },
    async modifyVolume(input) {
      const volumeId = input.VolumeId ?? '';
      const [volume] = (await allVolumes()).filter((candidate) => candidate.VolumeId === volumeId);
      if (!volume) throw new SampleServiceError('InvalidVolume.NotFound', `The volume '${volumeId}' does not exist.`);
      const target: Partial<Volume> = {
        VolumeType: input.VolumeType ?? volume.VolumeType,
        Size: input.Size ?? volume.Size,
        Iops: input.Iops ?? volume.Iops,
        Throughput: input.Throughput ?? volume.Throughput,
      };
      changed.set(volumeId, target);
      const modification: VolumeModification = {
        VolumeId: volumeId,
        ModificationState: 'completed',
        Progress: 100,
        OriginalVolumeType: volume.VolumeType,
        OriginalSize: volume.Size,
        OriginalIops: volume.Iops,
        OriginalThroughput: volume.Throughput,
        TargetVolumeType: target.VolumeType,
        TargetSize: target.Size,
        TargetIops: target.Iops,
        TargetThroughput: target.Throughput,
      };
      modifications.set(volumeId, modification);
      return { VolumeModification: modification, $metadata: responseMetadata() };
    },
  };
}
