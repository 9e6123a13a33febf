import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { CloudTrailPort, ElbPort } from './executor.js';
import { perRegion } from './per-region.js';

/** CloudTrail LookupEvents (limited to 2 requests/s per account and region: adaptive retry). */
export function createSdkCloudTrailPorts(): (region: string) => CloudTrailPort {
  const client = perRegion((region) => new CloudTrailClient({ region, retryMode: 'adaptive' }));
  return (region) => ({ lookupEvents: (input) => client(region).send(new LookupEventsCommand(input)) });
}

/** ELBv2 target-group reads. */
export function createSdkElbPorts(): (region: string) => ElbPort {
  const client = perRegion((region) => new ElasticLoadBalancingV2Client({ region }));
  return (region) => ({
    describeTargetGroups: (input) => client(region).send(new DescribeTargetGroupsCommand(input)),
    describeTargetHealth: (input) => client(region).send(new DescribeTargetHealthCommand(input)),
  });
}
