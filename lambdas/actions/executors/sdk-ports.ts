import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeVolumesCommand,
  DescribeVolumesModificationsCommand,
  EC2Client,
  ModifyVolumeCommand,
} from '@aws-sdk/client-ec2';
import type { Ec2Port, MetricsPort } from './executor.js';

/**
 * The ports backed by the real AWS SDK. Clients take the standard configuration (credentials,
 * AWS_ENDPOINT_URL_*), with the region chosen per resource; one client per region is kept.
 */
export function createSdkEc2Ports(): (region: string) => Ec2Port {
  const clients = new Map<string, EC2Client>();
  return (region) => {
    let client = clients.get(region);
    if (!client) {
      client = new EC2Client({ region });
      clients.set(region, client);
    }
    const ec2 = client;
    return {
      describeVolumes: (input) => ec2.send(new DescribeVolumesCommand(input)),
      describeVolumesModifications: (input) => ec2.send(new DescribeVolumesModificationsCommand(input)),
      modifyVolume: (input) => ec2.send(new ModifyVolumeCommand(input)),
    };
  };
}

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
