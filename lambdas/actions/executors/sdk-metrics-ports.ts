import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { MetricsPort } from './executor.js';
import { perRegion } from './per-region.js';

/** CloudWatch ports backed by the AWS SDK (adaptive retry for throttling), one client per region. */
export function createSdkMetricsPorts(): (region: string) => MetricsPort {
  const client = perRegion((region) => new CloudWatchClient({ region, retryMode: 'adaptive' }));
  return (region) => {
    const cloudwatch = client(region);
    return {
      getMetricData: (input) => cloudwatch.send(new GetMetricDataCommand(input)),
      describeAlarms: (input) => cloudwatch.send(new DescribeAlarmsCommand(input)),
    };
  };
}
