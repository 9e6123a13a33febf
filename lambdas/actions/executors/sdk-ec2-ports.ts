import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DeleteVolumeCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeSnapshotsCommand,
  ModifyInstanceAttributeCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  DescribeVolumesCommand,
  DescribeVolumesModificationsCommand,
  EC2Client,
  ModifyVolumeCommand,
} from '@aws-sdk/client-ec2';
import type { Ec2Port } from './executor.js';

/**
 * EC2 ports backed by the AWS SDK: standard configuration (credentials, AWS_ENDPOINT_URL_EC2), region
 * per resource, one client per region. Its own module because @aws-sdk/client-ec2 is large (~560 KB
 * minified): only the handlers that change or read instances and volumes bundle it.
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
      describeInstances: (input) => ec2.send(new DescribeInstancesCommand(input)),
      describeInstanceTypes: (input) => ec2.send(new DescribeInstanceTypesCommand(input)),
      stopInstances: (input) => ec2.send(new StopInstancesCommand(input)),
      startInstances: (input) => ec2.send(new StartInstancesCommand(input)),
      modifyInstanceAttribute: (input) => ec2.send(new ModifyInstanceAttributeCommand(input)),
      createSnapshot: (input) => ec2.send(new CreateSnapshotCommand(input)),
      describeSnapshots: (input) => ec2.send(new DescribeSnapshotsCommand(input)),
      deleteVolume: (input) => ec2.send(new DeleteVolumeCommand(input)),
      createVolume: (input) => ec2.send(new CreateVolumeCommand(input)),
    };
  };
}
