import type { Instance, Reservation, Volume } from '@aws-sdk/client-ec2';
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import type { InventoryPort } from '../../collectors/ports.js';
import { ec2Catalogue } from './catalogue.js';
import type { SampleResource } from './model.js';
import { decodeToken, encodeToken, pageSize, requestKey } from './page-token.js';
import { responseMetadata, SampleServiceError } from './sample-errors.js';

export interface SampleListOptions {
  /** Caps every list page below the API's own maximum (tests use it to force several pages). */
  maxPageSize?: number;
}

const STATE_CODES: Record<string, number> = { pending: 0, running: 16, 'shutting-down': 32, terminated: 48, stopping: 64, stopped: 80 };
const idOf = (arn: string): string => arn.split('/').pop() ?? arn;

/**
 * EC2 and Lambda inventory of one region of the sample account, answering like the real APIs:
 * DescribeInstances (MaxResults 5–1000, NextToken, the `instance-state-name` filter), DescribeVolumes
 * (MaxResults 5–500, NextToken), ListFunctions (MaxItems 1–50, Marker/NextMarker, no tags) and ListTags.
 */
export function createSampleInventoryPort(samples: SampleResource[], options: SampleListOptions = {}): InventoryPort {
  const cap = (n: number) => Math.min(n, options.maxPageSize ?? n);
  const instances = samples.filter((s) => s.resource.type === 'ec2:instance');
  const volumes = samples.filter((s) => s.resource.type === 'ebs:volume');
  const functions = samples.filter((s) => s.resource.type === 'lambda:function');

  return {
    async describeInstances(input) {
      const key = requestKey(input, 'NextToken');
      const size = cap(pageSize(input.MaxResults, 5, 1000, 1000, 'DescribeInstances', 'MaxResults', 'InvalidParameterValue'));
      const offset = decodeToken(input.NextToken, key, 'InvalidNextToken');
      const stateFilter = input.Filters?.find((f) => f.Name === 'instance-state-name')?.Values;
      const matching = instances.filter((s) => stateFilter === undefined || stateFilter.includes(String(s.resource.config.state)));
      const page = matching.slice(offset, offset + size);
      const reservations: Reservation[] = page.map((s) => ({
        ReservationId: `r-${idOf(s.resource.arn).slice(2)}`,
        OwnerId: s.resource.account,
        Instances: [toInstance(s)],
      }));
      const next = offset + size < matching.length ? encodeToken(offset + size, key) : undefined;
      return { Reservations: reservations, NextToken: next, $metadata: responseMetadata() };
    },

    async describeVolumes(input) {
      const key = requestKey(input, 'NextToken');
      const size = cap(pageSize(input.MaxResults, 5, 500, 500, 'DescribeVolumes', 'MaxResults', 'InvalidParameterValue'));
      const offset = decodeToken(input.NextToken, key, 'InvalidNextToken');
      const page = volumes.slice(offset, offset + size);
      const next = offset + size < volumes.length ? encodeToken(offset + size, key) : undefined;
      return { Volumes: page.map(toVolume), NextToken: next, $metadata: responseMetadata() };
    },

    async listFunctions(input) {
      const key = requestKey(input, 'Marker');
      const size = cap(pageSize(input.MaxItems, 1, 50, 50, 'ListFunctions', 'MaxItems', 'InvalidParameterValueException'));
      const offset = decodeToken(input.Marker, key, 'InvalidParameterValueException');
      const page = functions.slice(offset, offset + size);
      const next = offset + size < functions.length ? encodeToken(offset + size, key) : undefined;
      return { Functions: page.map(toFunction), NextMarker: next, $metadata: responseMetadata() };
    },

    async listLambdaTags(input) {
      const fn = functions.find((s) => s.resource.arn === input.Resource);
      if (fn === undefined) throw new SampleServiceError('ResourceNotFoundException', `Function not found: ${input.Resource}`, 404);
      return { Tags: { ...fn.resource.tags }, $metadata: responseMetadata() };
    },
  };
}

function tagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

function toInstance(sample: SampleResource): Instance {
  const r = sample.resource;
  const c = r.config as { instanceType: string; state: string; launchTime?: string; volumeIds?: string[] };
  const id = idOf(r.arn);
  return {
    InstanceId: id,
    InstanceType: c.instanceType as Instance['InstanceType'],
    State: { Name: c.state as NonNullable<Instance['State']>['Name'], Code: STATE_CODES[c.state] ?? 16 },
    LaunchTime: c.launchTime ? new Date(c.launchTime) : undefined,
    Placement: { AvailabilityZone: sample.details.availabilityZone },
    Architecture: ec2Catalogue[c.instanceType]?.architecture ?? 'x86_64',
    PlatformDetails: 'Linux/UNIX',
    Monitoring: { State: 'disabled' },
    BlockDeviceMappings: (c.volumeIds ?? []).map((volumeId) => ({ DeviceName: '/dev/xvda', Ebs: { VolumeId: volumeId, Status: 'attached', DeleteOnTermination: true } })),
    Tags: tagList(r.tags),
  };
}

function toVolume(sample: SampleResource): Volume {
  const r = sample.resource;
  const c = r.config as { volumeType: string; sizeGiB: number; iops?: number; throughputMiBps?: number; state: string; attachedInstanceId?: string; createTime?: string };
  const id = idOf(r.arn);
  return {
    VolumeId: id,
    VolumeType: c.volumeType as Volume['VolumeType'],
    Size: c.sizeGiB,
    Iops: c.iops,
    Throughput: c.throughputMiBps,
    State: c.state as Volume['State'],
    AvailabilityZone: sample.details.availabilityZone,
    CreateTime: c.createTime ? new Date(c.createTime) : undefined,
    Encrypted: true,
    Attachments: c.attachedInstanceId ? [{ VolumeId: id, InstanceId: c.attachedInstanceId, Device: '/dev/xvda', State: 'attached', DeleteOnTermination: true }] : [],
    Tags: tagList(r.tags),
  };
}

function toFunction(sample: SampleResource): FunctionConfiguration {
  const r = sample.resource;
  const c = r.config as { memoryMb: number; timeoutSec: number; architecture: 'x86_64' | 'arm64'; runtime: string };
  return {
    FunctionName: r.name,
    FunctionArn: r.arn,
    Runtime: c.runtime as FunctionConfiguration['Runtime'],
    MemorySize: c.memoryMb,
    Timeout: c.timeoutSec,
    Architectures: [c.architecture],
    PackageType: 'Zip',
    Handler: c.runtime.startsWith('python') ? 'app.handler' : 'index.handler',
    CodeSize: 1_048_576,
    LastModified: new Date(sample.createdAt).toISOString().replace('Z', '+0000'),
    Version: '$LATEST',
  };
}
