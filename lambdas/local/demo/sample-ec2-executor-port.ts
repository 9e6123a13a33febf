import type { ArchitectureType, Instance, Snapshot, Volume, VolumeModification } from '@aws-sdk/client-ec2';
import type { Ec2Port } from '../../actions/executors/executor.js';
import type { InventoryPort } from '../../collectors/ports.js';
import { responseMetadata, SampleServiceError } from '../sample-account/sample-errors.js';

/**
 * The EC2 calls of the executors, answered by the sample account: volumes and instances are read through the
 * sample inventory port (the collectors' view), and changes (ModifyVolume, Stop/Start/ModifyInstanceAttribute,
 * CreateSnapshot, DeleteVolume, CreateVolume) are kept in overlays so later Describe calls see them, as in AWS.
 * Asynchronous operations complete at once here (there is no real volume or instance): modifications are
 * `completed`, snapshots `completed`, instances reach `stopped`/`running` immediately.
 */
export function createSampleEc2ExecutorPort(inventory: InventoryPort): Ec2Port {
  const changed = new Map<string, Partial<Volume>>();
  const modifications = new Map<string, VolumeModification>();
  const deleted = new Set<string>();
  const created = new Map<string, Volume>();
  const snapshots = new Map<string, Snapshot>();
  const instanceChanges = new Map<string, Partial<Instance>>();
  let sequence = 0;
  const newId = (prefix: string) => `${prefix}-0de0${String((sequence += 1)).padStart(13, '0')}`;

  async function allInstances(): Promise<Instance[]> {
    const instances: Instance[] = [];
    let token: string | undefined;
    do {
      const page = await inventory.describeInstances({ NextToken: token });
      instances.push(...(page.Reservations ?? []).flatMap((r) => r.Instances ?? []));
      token = page.NextToken;
    } while (token);
    return instances.map((instance) => ({ ...instance, ...instanceChanges.get(instance.InstanceId ?? '') }));
  }

  async function instance(id: string): Promise<Instance> {
    const found = (await allInstances()).find((candidate) => candidate.InstanceId === id);
    if (!found) throw new SampleServiceError('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`);
    return found;
  }

  function setState(id: string, name: 'running' | 'stopped', previous: Instance) {
    instanceChanges.set(id, { ...instanceChanges.get(id), State: { Name: name, Code: name === 'running' ? 16 : 80 } });
    return { InstanceId: id, PreviousState: previous.State, CurrentState: { Name: name, Code: name === 'running' ? 16 : 80 } };
  }

  async function allVolumes(): Promise<Volume[]> {
    const volumes: Volume[] = [];
    let token: string | undefined;
    do {
      const page = await inventory.describeVolumes({ NextToken: token });
      volumes.push(...(page.Volumes ?? []));
      token = page.NextToken;
    } while (token);
    return [...volumes, ...created.values()]
      .filter((volume) => !deleted.has(volume.VolumeId ?? ''))
      .map((volume) => ({ ...volume, ...changed.get(volume.VolumeId ?? '') }));
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
    async describeInstances(input) {
      const wanted = input.InstanceIds ?? [];
      const instances = wanted.length === 0 ? await allInstances() : await Promise.all(wanted.map(instance));
      return { Reservations: instances.map((i) => ({ Instances: [i] })), $metadata: responseMetadata() };
    },
    /**
     * The sample inventory carries no instance-type catalogue: instance storage and architecture are inferred from
     * EC2's naming convention (a `d` in the family's attribute letters, as in m5d, c6gd, r5dn, or the storage families
     * i, d, h; a `g` right after the generation for Graviton, as in m6g, c7g, t4g), as ProcessorInfo.SupportedArchitectures.
     */
    async describeInstanceTypes(input) {
      const hasInstanceStore = (type: string) => /^(?:[a-z]+\d+[a-z-]*d[a-z-]*|i\d[a-z-]*|d\d[a-z-]*|h\d[a-z-]*)\./.test(type);
      const architectures = (type: string): ArchitectureType[] => (/^[a-z]+\d+g/.test(type) ? ['arm64'] : ['i386', 'x86_64']);
      const types = (input.InstanceTypes ?? []).map((type) => ({
        InstanceType: type,
        InstanceStorageSupported: hasInstanceStore(type),
        ProcessorInfo: { SupportedArchitectures: architectures(type) },
      }));
      return { InstanceTypes: types, $metadata: responseMetadata() };
    },
    async stopInstances(input) {
      const changes = await Promise.all((input.InstanceIds ?? []).map(async (id) => setState(id, 'stopped', await instance(id))));
      return { StoppingInstances: changes, $metadata: responseMetadata() };
    },
    async startInstances(input) {
      const changes = await Promise.all((input.InstanceIds ?? []).map(async (id) => setState(id, 'running', await instance(id))));
      return { StartingInstances: changes, $metadata: responseMetadata() };
    },
    async modifyInstanceAttribute(input) {
      const id = input.InstanceId ?? '';
      const current = await instance(id);
      if (current.State?.Name !== 'stopped') throw new SampleServiceError('IncorrectInstanceState', `The instance '${id}' is not in the 'stopped' state.`);
      const type = input.InstanceType?.Value as Instance['InstanceType'];
      instanceChanges.set(id, { ...instanceChanges.get(id), InstanceType: type });
      return { $metadata: responseMetadata() };
    },
    async createSnapshot(input) {
      const volumeId = input.VolumeId ?? '';
      const [volume] = (await allVolumes()).filter((candidate) => candidate.VolumeId === volumeId);
      if (!volume) throw new SampleServiceError('InvalidVolume.NotFound', `The volume '${volumeId}' does not exist.`);
      const snapshot: Snapshot = {
        SnapshotId: newId('snap'),
        VolumeId: volumeId,
        VolumeSize: volume.Size,
        State: 'completed',
        Progress: '100%',
        StartTime: new Date(),
        Encrypted: volume.Encrypted,
        Description: input.Description,
        Tags: input.TagSpecifications?.flatMap((spec) => spec.Tags ?? []),
      };
      snapshots.set(snapshot.SnapshotId ?? '', snapshot);
      return { ...snapshot, $metadata: responseMetadata() };
    },
    async describeSnapshots(input) {
      const ids = new Set(input.SnapshotIds ?? []);
      const matches = (snapshot: Snapshot) =>
        (ids.size === 0 || ids.has(snapshot.SnapshotId ?? '')) &&
        (input.Filters ?? []).every((filter) => {
          if (filter.Name === 'volume-id') return filter.Values?.includes(snapshot.VolumeId ?? '');
          if (filter.Name?.startsWith('tag:')) return (snapshot.Tags ?? []).some((tag) => `tag:${tag.Key}` === filter.Name && filter.Values?.includes(tag.Value ?? ''));
          return true;
        });
      return { Snapshots: [...snapshots.values()].filter(matches), $metadata: responseMetadata() };
    },
    async deleteVolume(input) {
      const volumeId = input.VolumeId ?? '';
      const [volume] = (await allVolumes()).filter((candidate) => candidate.VolumeId === volumeId);
      if (!volume) throw new SampleServiceError('InvalidVolume.NotFound', `The volume '${volumeId}' does not exist.`);
      if (volume.State === 'in-use') throw new SampleServiceError('VolumeInUse', `Volume ${volumeId} is currently attached.`);
      deleted.add(volumeId);
      return { $metadata: responseMetadata() };
    },
    async createVolume(input) {
      const snapshot = snapshots.get(input.SnapshotId ?? '');
      if (input.SnapshotId && !snapshot) throw new SampleServiceError('InvalidSnapshot.NotFound', `The snapshot '${input.SnapshotId}' does not exist.`);
      const volume: Volume = {
        VolumeId: newId('vol'),
        SnapshotId: input.SnapshotId,
        AvailabilityZone: input.AvailabilityZone,
        VolumeType: input.VolumeType,
        Size: input.Size ?? snapshot?.VolumeSize,
        Iops: input.Iops,
        Throughput: input.Throughput,
        State: 'available',
        Encrypted: snapshot?.Encrypted,
        CreateTime: new Date(),
        Attachments: [],
        Tags: input.TagSpecifications?.flatMap((spec) => spec.Tags ?? []),
      };
      created.set(volume.VolumeId ?? '', volume);
      return { ...volume, $metadata: responseMetadata() };
    },
  };
}
