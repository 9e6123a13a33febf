// Imported by inventory tests that are about other services: ECS and ElastiCache answer with empty inventories.
import { ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import { DescribeCacheClustersCommand, ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { mockClient } from 'aws-sdk-client-mock';

mockClient(ECSClient).on(ListClustersCommand).resolves({ clusterArns: [] });
mockClient(ElastiCacheClient).on(DescribeCacheClustersCommand).resolves({ CacheClusters: [] });
