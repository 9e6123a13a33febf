import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { MetricsPort } from './executor.js';

/** CloudWatch ports backed by the AWS SDK (adaptive retry for throttling), one client per region. */
export function createSdkMetricsPorts(): (region: string) => MetricsPort {
  const clients = new Map<string, CloudWatchClient>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = new CloudWatchClient({ region, retryMode: 'adaptive' });
      clients.set(region, client);
    }
    const cloudwatch = client;
    return { getMetricData: (input) => cloudwatch.send(new GetMetricDataCommand(input)) };
  };
}
