import type { Service, TaskDefinition } from '@aws-sdk/client-ecs';
import type { InventoryPort } from '../ports.js';
import { normaliseOrRecord, readOrRecord, type Listing } from './listing.js';
import type { Placement } from './normalise-ec2.js';
import { normaliseCacheCluster, normaliseEcsService } from './normalise-containers-db.js';
import { tagRecord } from './tags.js';

/** ListClusters and ListServices take maxResults 1–100; DescribeServices at most 10 services; DescribeCacheClusters MaxRecords 20–100. */
const ECS_LIST_PAGE = 100;
const DESCRIBE_SERVICES_BATCH = 10;
const CACHE_CLUSTERS_PAGE = 100;

/**
 * ECS services of one region: every cluster (ListClusters, nextToken), its services (ListServices, nextToken),
 * described 10 at a time with their tags (DescribeServices `include: ['TAGS']`), and each distinct task definition
 * revision once (DescribeTaskDefinition). A service DescribeServices reports under `failures` counts as skipped (the
 * stored inventory is kept); a task definition that cannot be read leaves its services inventoried without a size,
 * with an issue.
 */
export async function listEcsServices(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  const clusters: string[] = [];
  let clusterToken: string | undefined;
  do {
    const page = await port.listClusters({ maxResults: ECS_LIST_PAGE, nextToken: clusterToken });
    clusters.push(...(page.clusterArns ?? []));
    clusterToken = page.nextToken || undefined;
  } while (clusterToken !== undefined);

  const taskDefinitions = new Map<string, TaskDefinition | undefined>();
  for (const cluster of clusters) {
    const serviceArns: string[] = [];
    let serviceToken: string | undefined;
    do {
      const page = await port.listServices({ cluster, maxResults: ECS_LIST_PAGE, nextToken: serviceToken });
      serviceArns.push(...(page.serviceArns ?? []));
      serviceToken = page.nextToken || undefined;
    } while (serviceToken !== undefined);

    for (let offset = 0; offset < serviceArns.length; offset += DESCRIBE_SERVICES_BATCH) {
      const batch = serviceArns.slice(offset, offset + DESCRIBE_SERVICES_BATCH);
      const described = await port.describeServices({ cluster, services: batch, include: ['TAGS'] });
      for (const failure of described.failures ?? []) {
        listing.skipped += 1;
        listing.report.addIssue({ ...where, code: failure.reason ?? 'DescribeServicesFailure', message: `service ${failure.arn ?? '(unknown)'} not described: ${failure.detail ?? failure.reason ?? ''}` });
      }
      for (const service of described.services ?? []) {
        const taskDefinition = await taskDefinitionOf(port, where, listing, service, taskDefinitions);
        normaliseOrRecord(listing, where, service.serviceName, () => listing.resources.push(normaliseEcsService(service, taskDefinition, where)));
      }
    }
  }
}

async function taskDefinitionOf(
  port: InventoryPort,
  where: Placement,
  listing: Listing,
  service: Service,
  cache: Map<string, TaskDefinition | undefined>,
): Promise<TaskDefinition | undefined> {
  const arn = service.taskDefinition;
  if (arn === undefined) return undefined;
  if (!cache.has(arn)) {
    const definition = await readOrRecord(listing.report, where, `task definition ${arn} not read, its services inventoried without a task size`, undefined, async () =>
      (await port.describeTaskDefinition({ taskDefinition: arn })).taskDefinition,
    );
    cache.set(arn, definition);
  }
  return cache.get(arn);
}

/**
 * ElastiCache cache clusters of one region (DescribeCacheClusters, Marker; Redis OSS and Valkey replication group
 * members are listed one cluster per node group member) with their tags (ListTagsForResource per cluster; a cluster
 * whose tags cannot be read is inventoried untagged, with an issue).
 */
export async function listCacheClusters(port: InventoryPort, where: Placement, listing: Listing): Promise<void> {
  let marker: string | undefined;
  do {
    const page = await port.describeCacheClusters({ MaxRecords: CACHE_CLUSTERS_PAGE, Marker: marker });
    for (const cluster of page.CacheClusters ?? []) {
      const arn = cluster.ARN;
      const tags =
        arn === undefined
          ? {}
          : await readOrRecord(listing.report, where, `tags of ${arn} not read, inventoried untagged`, {}, async () => tagRecord((await port.listCacheTags({ ResourceName: arn })).TagList));
      normaliseOrRecord(listing, where, cluster.CacheClusterId, () => listing.resources.push(normaliseCacheCluster(cluster, tags, where)));
    }
    marker = page.Marker || undefined;
  } while (marker !== undefined);
}
