import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchPort } from '../ports.js';
import { clientOptions, type AdapterConfig } from './client-config.js';
import type { CountingThrottleMeter } from './throttle-meter.js';

/** CloudWatchPort over the SDK: one client, each method one command. */
export function awsCloudWatchPort(config: AdapterConfig, meter: CountingThrottleMeter): CloudWatchPort {
  const client = new CloudWatchClient(clientOptions(config));
  meter.attachTo(client);
  return {
    getMetricData: (input) => client.send(new GetMetricDataCommand(input)),
    listMetrics: (input) => client.send(new ListMetricsCommand(input)),
  };
}
