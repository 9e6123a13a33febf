import {
  DescribeVolumesCommand,
  DescribeVolumesModificationsCommand,
  EC2Client,
  ModifyVolumeCommand,
} from '@aws-sdk/client-ec2';
import type { Ec2Port } from './executor.js';

/**
 * EC2 ports backed by the AWS SDK: standard configuration (credentials, AWS_ENDPOINT_URL_EC2), region
 * per resource, one client per region. Its own module because @aws-sdk/client-ec2 is large (~560 KB
 * minified): only the handlers that change or read volumes bundle it.
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
