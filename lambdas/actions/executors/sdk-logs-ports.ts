import {
  CloudWatchLogsClient,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  ListTagsForResourceCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { LogsPort } from './executor.js';
import { perRegion } from './per-region.js';

/** CloudWatch Logs ports backed by the AWS SDK, one client per region. */
export function createSdkLogsPorts(): (region: string) => LogsPort {
  const client = perRegion((region) => new CloudWatchLogsClient({ region }));
  return (region) => {
    const logs = client(region);
    return {
      describeLogGroups: (input) => logs.send(new DescribeLogGroupsCommand(input)),
      putRetentionPolicy: (input) => logs.send(new PutRetentionPolicyCommand(input)),
      deleteRetentionPolicy: (input) => logs.send(new DeleteRetentionPolicyCommand(input)),
      listTagsForResource: (input) => logs.send(new ListTagsForResourceCommand(input)),
    };
  };
}
