import type { Rule } from './rule.js';
import { rightsizeInstance } from './ec2/rightsize-instance.js';
import { idleInstance } from './ec2/idle-instance.js';
import { gp2ToGp3 } from './ebs/gp2-to-gp3.js';
import { unattachedVolume } from './ebs/unattached-volume.js';
import { io1ToGp3 } from './ebs/io1-to-gp3.js';
import { memorySize } from './lambda/memory-size.js';
import { arm64Candidate } from './lambda/arm64-candidate.js';
import { excessiveTimeout } from './lambda/excessive-timeout.js';
import { capacityMode } from './dynamodb/capacity-mode.js';
import { missingRetention } from './logs/missing-retention.js';
import { idleRdsInstance } from './rds/idle-instance.js';
import { idleLoadBalancer } from './elb/idle-load-balancer.js';
import { unassociatedElasticIp } from './network/unassociated-elastic-ip.js';
import { idleNatGateway } from './network/idle-nat-gateway.js';
import { oldSnapshot } from './ebs/old-snapshot.js';
import { coldDataTiering } from './s3/cold-data-tiering.js';
import { missingMultipartAbort } from './s3/missing-multipart-abort.js';
import { noncurrentVersions } from './s3/noncurrent-versions.js';
import { overprovisionedShards } from './kinesis/overprovisioned-shards.js';
import { shortPolling } from './sqs/short-polling.js';
import { expressCandidate } from './stepfunctions/express-candidate.js';
import { rightsizeRdsInstance } from './rds/rightsize-instance.js';
import { multiAzNonProduction } from './rds/multi-az-non-production.js';
import { idleReadReplica } from './rds/idle-read-replica.js';
import { io1ToGp3Rds } from './rds/io1-to-gp3.js';
import { fargateTaskSize } from './ecs/fargate-task-size.js';
import { fargateGraviton } from './ecs/fargate-graviton.js';
import { fargateSpot } from './ecs/fargate-spot.js';
import { idleCacheCluster } from './elasticache/idle-cluster.js';
import { rightsizeCacheNode } from './elasticache/rightsize-node.js';
import { offHoursEc2, offHoursRds } from './schedule/off-hours.js';
import { restToHttpApi } from './apigateway/rest-to-http-api.js';

/** Every rule the engine runs, in a fixed order (the README rules table is generated from this list). */
export const rules: Rule[] = [
  rightsizeInstance,
  idleInstance,
  gp2ToGp3,
  io1ToGp3,
  unattachedVolume,
  oldSnapshot,
  memorySize,
  arm64Candidate,
  excessiveTimeout,
  capacityMode,
  missingRetention,
  idleRdsInstance,
  idleLoadBalancer,
  unassociatedElasticIp,
  idleNatGateway,
  coldDataTiering,
  missingMultipartAbort,
  noncurrentVersions,
  overprovisionedShards,
  shortPolling,
  expressCandidate,
  rightsizeRdsInstance,
  multiAzNonProduction,
  idleReadReplica,
  io1ToGp3Rds,
  fargateTaskSize,
  fargateSpot,
  fargateGraviton,
  idleCacheCluster,
  rightsizeCacheNode,
  offHoursEc2,
  offHoursRds,
  restToHttpApi,
];

export { accountRules } from './account/index.js';

export { ingestExternalRecommendations, COMPUTE_OPTIMIZER_RULE_ID } from './external/compute-optimizer.js';
export { ResourceConfigError } from './support/read-config.js';
