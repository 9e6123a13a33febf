import type { Service, TaskDefinition } from '@aws-sdk/client-ecs';
import type { CacheCluster } from '@aws-sdk/client-elasticache';
import type { InventoryPort } from '../../collectors/ports.js';
import type { EcsServiceConfig, ElastiCacheClusterConfig } from '../../engine/types/snapshot.js';
import type { SampleResource } from './model.js';
import { decodeToken, encodeToken, pageSize, requestKey } from './page-token.js';
import { responseMetadata, SampleServiceError } from './sample-errors.js';

/** The inventory methods for ECS and ElastiCache. */
export type ContainersDbInventoryMethods = Pick<
  InventoryPort,
  'listClusters' | 'listServices' | 'describeServices' | 'describeTaskDefinition' | 'describeCacheClusters' | 'listCacheTags'
>;

/** DescribeServices accepts at most 10 services per call. */
const DESCRIBE_SERVICES_MAX = 10;

/**
 * One region of the sample account's ECS services and ElastiCache clusters, answering like the real APIs: ListClusters
 * and ListServices (maxResults 1–100, default 10 and 100, nextToken; unknown cluster → ClusterNotFoundException),
 * DescribeServices (at most 10, `failures` for unknown ARNs, tags only with include TAGS), DescribeTaskDefinition,
 * DescribeCacheClusters (MaxRecords 20–100, Marker) and ListTagsForResource (CacheClusterNotFound).
 */
export function createSampleContainersDbInventory(samples: SampleResource[], cap: (n: number) => number): ContainersDbInventoryMethods {
  const services = samples.filter((s) => s.resource.type === 'ecs:service');
  const caches = samples.filter((s) => s.resource.type === 'elasticache:cluster');
  const region = samples[0]?.resource.region ?? 'us-east-1';
  const account = samples[0]?.resource.account ?? '000000000000';
  const clusterArn = (name: string) => `arn:aws:ecs:${region}:${account}:cluster/${name}`;
  const clusterNames = [...new Set(services.map((s) => ecsConfig(s).clusterName))].sort();

  function paged<T>(items: T[], input: object, token: string | undefined, size: number, tokenField: string, errorName: string) {
    const key = requestKey(input, tokenField);
    const offset = decodeToken(token, key, errorName);
    return { page: items.slice(offset, offset + size), next: offset + size < items.length ? encodeToken(offset + size, key) : undefined };
  }

  return {
    async listClusters(input) {
      const size = cap(pageSize(input.maxResults, 1, 100, 100, 'ListClusters', 'maxResults', 'InvalidParameterException'));
      const { page, next } = paged(clusterNames.map(clusterArn), input, input.nextToken, size, 'nextToken', 'InvalidParameterException');
      return { clusterArns: page, nextToken: next, $metadata: responseMetadata() };
    },

    async listServices(input) {
      const name = clusterNameOf(input.cluster ?? 'default');
      if (!clusterNames.includes(name)) throw new SampleServiceError('ClusterNotFoundException', 'Cluster not found.');
      const size = cap(pageSize(input.maxResults, 1, 100, 10, 'ListServices', 'maxResults', 'InvalidParameterException'));
      const arns = services.filter((s) => ecsConfig(s).clusterName === name).map((s) => s.resource.arn);
      const { page, next } = paged(arns, input, input.nextToken, size, 'nextToken', 'InvalidParameterException');
      return { serviceArns: page, nextToken: next, $metadata: responseMetadata() };
    },

    async describeServices(input) {
      const wanted = input.services ?? [];
      if (wanted.length === 0 || wanted.length > DESCRIBE_SERVICES_MAX) {
        throw new SampleServiceError('InvalidParameterException', `services must have between 1 and ${DESCRIBE_SERVICES_MAX} items.`);
      }
      const name = clusterNameOf(input.cluster ?? 'default');
      const found: Service[] = [];
      const failures: { arn: string; reason: string }[] = [];
      for (const arn of wanted) {
        const sample = services.find((s) => (s.resource.arn === arn || s.resource.name === arn) && ecsConfig(s).clusterName === name);
        if (sample) found.push(toService(sample, clusterArn(name), input.include?.includes('TAGS') ?? false));
        else failures.push({ arn, reason: 'MISSING' });
      }
      return { services: found, failures, $metadata: responseMetadata() };
    },

    async describeTaskDefinition(input) {
      const sample = services.find((s) => ecsConfig(s).taskDefinitionArn === input.taskDefinition);
      if (!sample) throw new SampleServiceError('ClientException', 'Unable to describe task definition.');
      return { taskDefinition: toTaskDefinition(ecsConfig(sample)), $metadata: responseMetadata() };
    },

    async describeCacheClusters(input) {
      const size = cap(pageSize(input.MaxRecords, 20, 100, 100, 'DescribeCacheClusters', 'MaxRecords', 'InvalidParameterValue'));
      const { page, next } = paged(caches, input, input.Marker, size, 'Marker', 'InvalidParameterValue');
      return { CacheClusters: page.map(toCacheCluster), Marker: next, $metadata: responseMetadata() };
    },

    async listCacheTags(input) {
      const sample = caches.find((s) => s.resource.arn === input.ResourceName);
      if (!sample) throw new SampleServiceError('CacheClusterNotFound', `CacheCluster not found: ${input.ResourceName ?? ''}`, 404);
      return { TagList: Object.entries(sample.resource.tags).map(([Key, Value]) => ({ Key, Value })), $metadata: responseMetadata() };
    },
  };
}

const ecsConfig = (sample: SampleResource) => sample.resource.config as unknown as EcsServiceConfig;
const clusterNameOf = (cluster: string) => cluster.split('/').pop() ?? cluster;

function toService(sample: SampleResource, clusterArn: string, withTags: boolean): Service {
  const c = ecsConfig(sample);
  return {
    serviceArn: sample.resource.arn,
    serviceName: c.serviceName,
    clusterArn,
    status: c.status,
    desiredCount: c.desiredCount,
    runningCount: c.runningCount,
    pendingCount: 0,
    ...(c.launchType ? { launchType: c.launchType } : {}),
    ...(c.capacityProviders.length > 0 ? { capacityProviderStrategy: c.capacityProviders.map((p) => ({ capacityProvider: p.name, weight: p.weight, base: p.base })) } : {}),
    schedulingStrategy: c.schedulingStrategy,
    taskDefinition: c.taskDefinitionArn,
    createdAt: new Date(sample.createdAt),
    ...(withTags ? { tags: Object.entries(sample.resource.tags).map(([key, value]) => ({ key, value })) } : {}),
  };
}

function toTaskDefinition(c: EcsServiceConfig): TaskDefinition {
  const family = c.taskDefinitionArn.split('/').pop()?.split(':')[0] ?? c.serviceName;
  return {
    taskDefinitionArn: c.taskDefinitionArn,
    family,
    revision: Number(c.taskDefinitionArn.split(':').pop()) || 1,
    status: 'ACTIVE',
    networkMode: c.launchType === 'EC2' ? 'bridge' : 'awsvpc',
    requiresCompatibilities: c.launchType === 'EC2' ? ['EC2'] : ['FARGATE'],
    ...(c.taskCpuUnits === undefined ? {} : { cpu: String(c.taskCpuUnits) }),
    ...(c.taskMemoryMiB === undefined ? {} : { memory: String(c.taskMemoryMiB) }),
    runtimePlatform: { cpuArchitecture: c.cpuArchitecture, operatingSystemFamily: c.operatingSystemFamily as 'LINUX' },
    containerDefinitions: [{ name: 'app', image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/${family}:latest`, essential: true, cpu: c.containerCpuUnits, memoryReservation: c.containerMemoryMiB || undefined }],
  };
}

function toCacheCluster(sample: SampleResource): CacheCluster {
  const c = sample.resource.config as unknown as ElastiCacheClusterConfig;
  return {
    CacheClusterId: sample.resource.name,
    ARN: sample.resource.arn,
    CacheNodeType: c.nodeType,
    Engine: c.engine,
    EngineVersion: c.engineVersion,
    CacheClusterStatus: c.status,
    NumCacheNodes: c.numNodes,
    ReplicationGroupId: c.replicationGroupId,
    CacheClusterCreateTime: new Date(sample.createdAt),
    PreferredAvailabilityZone: `${sample.resource.region}a`,
  };
}
