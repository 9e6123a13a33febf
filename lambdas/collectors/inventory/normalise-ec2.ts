import type { Instance, Volume } from '@aws-sdk/client-ec2';
import { Ec2ConfigSchema, EbsVolumeConfigSchema, type Resource } from '../../engine/types/snapshot.js';
import { partitionOf } from '../partition.js';
import { MalformedItemError } from './malformed-item-error.js';
import { tagRecord } from './tags.js';

/** Where a resource lives; instances and volumes carry no account or region of their own. */
export interface Placement {
  account: string;
  region: string;
}

/**
 * An EC2 instance from DescribeInstances as an engine Resource. ARN format:
 * arn:<partition>:ec2:<region>:<account>:instance/<instance-id>. Throws a ZodError if the API
 * returned a shape the engine cannot use (the caller records it as an issue).
 */
export function normaliseInstance(instance: Instance, where: Placement): Resource {
  const id = requireId(instance.InstanceId, 'InstanceId');
  const tags = tagRecord(instance.Tags);
  const config = Ec2ConfigSchema.parse({
    instanceType: instance.InstanceType,
    state: instance.State?.Name,
    // The API sends "windows" (lowercase) although the SDK's enum spells it "Windows".
    platform: String(instance.Platform ?? '').toLowerCase() === 'windows' ? 'windows' : 'linux',
    launchTime: instance.LaunchTime?.toISOString(),
    autoScalingGroup: tags['aws:autoscaling:groupName'],
    // DescribeInstances omits InstanceLifecycle for on-demand instances ('spot' | 'scheduled' otherwise): absent = on-demand.
    lifecycle: instance.InstanceLifecycle,
    architecture: instance.Architecture,
    volumeIds: (instance.BlockDeviceMappings ?? []).flatMap((m) => (m.Ebs?.VolumeId ? [m.Ebs.VolumeId] : [])),
  });
  return {
    arn: `arn:${partitionOf(where.region)}:ec2:${where.region}:${where.account}:instance/${id}`,
    type: 'ec2:instance',
    account: where.account,
    region: where.region,
    name: tags.Name ?? id,
    tags,
    config,
  };
}

/** An EBS volume from DescribeVolumes. ARN: arn:<partition>:ec2:<region>:<account>:volume/<volume-id>. */
export function normaliseVolume(volume: Volume, where: Placement): Resource {
  const id = requireId(volume.VolumeId, 'VolumeId');
  const tags = tagRecord(volume.Tags);
  const attachment = (volume.Attachments ?? []).find((a) => a.InstanceId !== undefined);
  const config = EbsVolumeConfigSchema.parse({
    volumeType: volume.VolumeType,
    sizeGiB: volume.Size,
    iops: volume.Iops,
    throughputMiBps: volume.Throughput,
    state: volume.State,
    attachedInstanceId: attachment?.InstanceId,
    createTime: volume.CreateTime?.toISOString(),
  });
  return {
    arn: `arn:${partitionOf(where.region)}:ec2:${where.region}:${where.account}:volume/${id}`,
    type: 'ebs:volume',
    account: where.account,
    region: where.region,
    name: tags.Name ?? id,
    tags,
    config,
  };
}

function requireId(id: string | undefined, field: string): string {
  if (id === undefined || id === '') throw new MalformedItemError(`the EC2 API returned an item without ${field}`);
  return id;
}
