import type { Address, NatGateway } from '@aws-sdk/client-ec2';
import type { LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ElasticIpConfigSchema, LoadBalancerConfigSchema, NatGatewayConfigSchema, type Resource } from '../../engine/types/snapshot.js';
import { partitionOf } from '../partition.js';
import { MalformedItemError } from './malformed-item-error.js';
import type { Placement } from './normalise-ec2.js';
import { tagRecord } from './tags.js';

/**
 * An Elastic IP from DescribeAddresses. ARN: arn:<partition>:ec2:<region>:<account>:elastic-ip/<allocation-id>.
 * An address without AllocationId (EC2-Classic, retired) cannot be released by id: skipped as malformed.
 */
export function normaliseAddress(address: Address, where: Placement): Resource {
  const allocationId = address.AllocationId;
  if (allocationId === undefined || allocationId === '') throw new MalformedItemError(`the EC2 API returned address ${address.PublicIp ?? ''} without AllocationId`);
  const tags = tagRecord(address.Tags);
  const config = ElasticIpConfigSchema.parse({
    publicIp: address.PublicIp,
    allocationId,
    associationId: address.AssociationId,
    instanceId: address.InstanceId || undefined,
    networkInterfaceId: address.NetworkInterfaceId,
  });
  return {
    arn: `arn:${partitionOf(where.region)}:ec2:${where.region}:${where.account}:elastic-ip/${allocationId}`,
    type: 'ec2:elastic-ip',
    account: where.account,
    region: where.region,
    name: tags.Name ?? address.PublicIp ?? allocationId,
    tags,
    config,
  };
}

/** A NAT gateway from DescribeNatGateways. ARN: arn:<partition>:ec2:<region>:<account>:natgateway/<id>. */
export function normaliseNatGateway(gateway: NatGateway, where: Placement): Resource {
  const id = gateway.NatGatewayId;
  if (id === undefined || id === '') throw new MalformedItemError('the EC2 API returned a NAT gateway without NatGatewayId');
  const tags = tagRecord(gateway.Tags);
  const config = NatGatewayConfigSchema.parse({
    state: gateway.State,
    connectivityType: gateway.ConnectivityType ?? 'public',
    vpcId: gateway.VpcId,
    subnetId: gateway.SubnetId,
    createTime: gateway.CreateTime?.toISOString(),
  });
  return {
    arn: `arn:${partitionOf(where.region)}:ec2:${where.region}:${where.account}:natgateway/${id}`,
    type: 'ec2:nat-gateway',
    account: where.account,
    region: where.region,
    name: tags.Name ?? id,
    tags,
    config,
  };
}

/** Registered and healthy targets behind one load balancer; undefined when they could not be read. */
export interface TargetCounts {
  registered: number;
  healthy: number;
}

/** An ELBv2 load balancer from DescribeLoadBalancers, with its tags (DescribeTags) and target counts. */
export function normaliseLoadBalancer(lb: LoadBalancer, tags: Record<string, string>, targets: TargetCounts | undefined, where: Placement): Resource {
  const arn = lb.LoadBalancerArn;
  const name = lb.LoadBalancerName;
  if (arn === undefined || name === undefined) throw new MalformedItemError('the ELBv2 API returned a load balancer without LoadBalancerArn or LoadBalancerName');
  const config = LoadBalancerConfigSchema.parse({
    lbType: lb.Type,
    scheme: lb.Scheme,
    state: lb.State?.Code,
    createdTime: lb.CreatedTime?.toISOString(),
    registeredTargets: targets?.registered,
    healthyTargets: targets?.healthy,
  });
  return { arn, type: 'elb:load-balancer', account: where.account, region: where.region, name, tags, config };
}
