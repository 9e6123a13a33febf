import type { Service, TaskDefinition } from '@aws-sdk/client-ecs';
import type { CacheCluster } from '@aws-sdk/client-elasticache';
import { EcsServiceConfigSchema, ElastiCacheClusterConfigSchema, type Resource } from '../../engine/types/snapshot.js';
import { partitionOf } from '../partition.js';
import { MalformedItemError } from './malformed-item-error.js';
import type { Placement } from './normalise-ec2.js';
import { tagRecord } from './tags.js';

/**
 * An ECS service from DescribeServices (with `include: ['TAGS']`; ECS tags are lower-case `{ key, value }`) and its
 * task definition from DescribeTaskDefinition, or undefined when that could not be read (the service is kept without
 * its size). Task `cpu` and `memory` are strings of CPU units and MiB in the API; container sums take each container's
 * `cpu` and the larger of its `memory` (hard) and `memoryReservation` (soft), both of which the task must hold.
 */
export function normaliseEcsService(service: Service, taskDefinition: TaskDefinition | undefined, where: Placement): Resource {
  const name = service.serviceName;
  const arn = service.serviceArn;
  if (name === undefined || arn === undefined) throw new MalformedItemError('the ECS API returned a service without serviceName or serviceArn');
  const clusterName = service.clusterArn?.split('/').pop() ?? '';
  const containers = taskDefinition?.containerDefinitions ?? [];
  return {
    arn,
    type: 'ecs:service',
    account: where.account,
    region: where.region,
    name,
    tags: tagRecord(service.tags?.map((t) => ({ Key: t.key, Value: t.value }))),
    config: EcsServiceConfigSchema.parse({
      clusterName,
      serviceName: name,
      status: service.status,
      launchType: service.launchType,
      capacityProviders: (service.capacityProviderStrategy ?? []).map((p) => ({ name: p.capacityProvider, weight: p.weight ?? 0, base: p.base ?? 0 })),
      schedulingStrategy: service.schedulingStrategy ?? 'REPLICA',
      desiredCount: service.desiredCount ?? 0,
      runningCount: service.runningCount ?? 0,
      taskDefinitionArn: service.taskDefinition,
      taskCpuUnits: numberOrUndefined(taskDefinition?.cpu),
      taskMemoryMiB: numberOrUndefined(taskDefinition?.memory),
      cpuArchitecture: taskDefinition?.runtimePlatform?.cpuArchitecture ?? 'X86_64',
      operatingSystemFamily: taskDefinition?.runtimePlatform?.operatingSystemFamily ?? 'LINUX',
      containerCpuUnits: containers.reduce((sum, c) => sum + (c.cpu ?? 0), 0),
      containerMemoryMiB: containers.reduce((sum, c) => sum + Math.max(c.memory ?? 0, c.memoryReservation ?? 0), 0),
    }),
  };
}

/** Task-level cpu/memory: "1024" → 1024; absent (EC2 tasks sized per container) → undefined. */
function numberOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new MalformedItemError(`the ECS API returned a task size that is not a number: ${value}`);
  return n;
}

/** An ElastiCache cache cluster from DescribeCacheClusters, tags from ListTagsForResource. */
export function normaliseCacheCluster(cluster: CacheCluster, tags: Record<string, string>, where: Placement): Resource {
  const name = cluster.CacheClusterId;
  if (name === undefined) throw new MalformedItemError('the ElastiCache API returned a cluster without CacheClusterId');
  return {
    arn: cluster.ARN ?? `arn:${partitionOf(where.region)}:elasticache:${where.region}:${where.account}:cluster:${name}`,
    type: 'elasticache:cluster',
    account: where.account,
    region: where.region,
    name,
    tags,
    config: ElastiCacheClusterConfigSchema.parse({
      engine: cluster.Engine?.toLowerCase(),
      engineVersion: cluster.EngineVersion,
      nodeType: cluster.CacheNodeType,
      numNodes: cluster.NumCacheNodes,
      status: cluster.CacheClusterStatus,
      replicationGroupId: cluster.ReplicationGroupId,
    }),
  };
}
