import type { Address, Image, NatGateway, Snapshot } from '@aws-sdk/client-ec2';
import type { LoadBalancer, TargetGroup, TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { InventoryPort } from '../../collectors/ports.js';
import type { SampleResource } from './model.js';
import { decodeToken, encodeToken, pageSize, requestKey } from './page-token.js';
import { responseMetadata, SampleServiceError } from './sample-errors.js';

/** The inventory methods for snapshots, AMIs, Elastic IPs, NAT gateways and ELBv2 load balancers. */
export type NetworkInventoryMethods = Pick<
  InventoryPort,
  'describeSnapshots' | 'describeImages' | 'describeAddresses' | 'describeNatGateways' | 'describeLoadBalancers' | 'describeTags' | 'describeTargetGroups' | 'describeTargetHealth'
>;

const idOf = (arn: string): string => arn.split('/').pop() ?? arn;
const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/**
 * One region of the sample account's EC2 extras and load balancers, answering like the real APIs:
 * DescribeSnapshots and DescribeImages (MaxResults 5–1000, NextToken; AMIs derived from the snapshots'
 * `amiIds`), DescribeAddresses (no pagination), DescribeNatGateways (MaxResults 5–1000, NextToken, the
 * `state` filter), DescribeLoadBalancers and DescribeTargetGroups (PageSize 1–400, Marker/NextMarker; one
 * target group per load balancer holding its registered targets), DescribeTags (at most 20 ARNs) and
 * DescribeTargetHealth.
 */
export function createSampleNetworkInventory(samples: SampleResource[], cap: (n: number) => number): NetworkInventoryMethods {
  const ofType = (type: string) => samples.filter((s) => s.resource.type === type);
  const snapshots = ofType('ebs:snapshot');
  const images = snapshots.flatMap((s) => ((s.resource.config.amiIds as string[] | undefined) ?? []).map((amiId) => toImage(amiId, s)));
  const addresses = ofType('ec2:elastic-ip');
  const natGateways = ofType('ec2:nat-gateway');
  const balancers = ofType('elb:load-balancer');
  const groups = balancers.map((lb) => ({ lb, group: toTargetGroup(lb) }));

  /** Offset paging shared by the NextToken/Marker APIs. */
  function paged<T>(items: T[], input: object, tokenField: string, token: string | undefined, size: number, errorName: string) {
    const key = requestKey(input, tokenField);
    const offset = decodeToken(token, key, errorName);
    const page = items.slice(offset, offset + size);
    return { page, next: offset + size < items.length ? encodeToken(offset + size, key) : undefined };
  }

  return {
    async describeSnapshots(input) {
      const size = cap(pageSize(input.MaxResults, 5, 1000, 1000, 'DescribeSnapshots', 'MaxResults', 'InvalidParameterValue'));
      const own = input.OwnerIds === undefined || input.OwnerIds.some((o) => o === 'self' || o === snapshots[0]?.resource.account) ? snapshots : [];
      const { page, next } = paged(own, input, 'NextToken', input.NextToken, size, 'InvalidNextToken');
      return { Snapshots: page.map(toSnapshot), NextToken: next, $metadata: responseMetadata() };
    },

    async describeImages(input) {
      const size = cap(pageSize(input.MaxResults, 5, 1000, 1000, 'DescribeImages', 'MaxResults', 'InvalidParameterValue'));
      const { page, next } = paged(images, input, 'NextToken', input.NextToken, size, 'InvalidNextToken');
      return { Images: page, NextToken: next, $metadata: responseMetadata() };
    },

    async describeAddresses() {
      return { Addresses: addresses.map(toAddress), $metadata: responseMetadata() };
    },

    async describeNatGateways(input) {
      const size = cap(pageSize(input.MaxResults, 5, 1000, 1000, 'DescribeNatGateways', 'MaxResults', 'InvalidParameterValue'));
      const states = input.Filter?.find((f) => f.Name === 'state')?.Values;
      const matching = natGateways.filter((s) => states === undefined || states.includes(String(s.resource.config.state)));
      const { page, next } = paged(matching, input, 'NextToken', input.NextToken, size, 'InvalidNextToken');
      return { NatGateways: page.map(toNatGateway), NextToken: next, $metadata: responseMetadata() };
    },

    async describeLoadBalancers(input) {
      const size = cap(pageSize(input.PageSize, 1, 400, 400, 'DescribeLoadBalancers', 'PageSize', 'ValidationError'));
      const { page, next } = paged(balancers, input, 'Marker', input.Marker, size, 'ValidationError');
      return { LoadBalancers: page.map(toLoadBalancer), NextMarker: next, $metadata: responseMetadata() };
    },

    async describeTags(input) {
      const arns = input.ResourceArns ?? [];
      if (arns.length === 0 || arns.length > 20) throw new SampleServiceError('ValidationError', `DescribeTags: ResourceArns must have 1 to 20 members; got ${arns.length}.`);
      return {
        TagDescriptions: arns.map((arn) => {
          const lb = balancers.find((s) => s.resource.arn === arn);
          if (lb === undefined) throw new SampleServiceError('LoadBalancerNotFound', `Load balancer '${arn}' not found`);
          return { ResourceArn: arn, Tags: tagList(lb.resource.tags) };
        }),
        $metadata: responseMetadata(),
      };
    },

    async describeTargetGroups(input) {
      const size = cap(pageSize(input.PageSize, 1, 400, 400, 'DescribeTargetGroups', 'PageSize', 'ValidationError'));
      const matching = groups.filter(({ lb }) => input.LoadBalancerArn === undefined || lb.resource.arn === input.LoadBalancerArn).map(({ group }) => group);
      const { page, next } = paged(matching, input, 'Marker', input.Marker, size, 'ValidationError');
      return { TargetGroups: page, NextMarker: next, $metadata: responseMetadata() };
    },

    async describeTargetHealth(input) {
      const found = groups.find(({ group }) => group.TargetGroupArn === input.TargetGroupArn);
      if (found === undefined) throw new SampleServiceError('TargetGroupNotFound', `Target groups '${input.TargetGroupArn ?? ''}' not found`);
      return { TargetHealthDescriptions: targetHealth(found.lb), $metadata: responseMetadata() };
    },
  };
}

function toSnapshot(sample: SampleResource): Snapshot {
  const r = sample.resource;
  const c = r.config as { sizeGiB: number; startTime: string; volumeId?: string; storageTier?: 'standard' | 'archive'; description?: string };
  return {
    SnapshotId: idOf(r.arn),
    OwnerId: r.account,
    VolumeId: c.volumeId,
    VolumeSize: c.sizeGiB,
    StartTime: new Date(c.startTime),
    State: 'completed',
    Progress: '100%',
    Encrypted: true,
    StorageTier: c.storageTier ?? 'standard',
    Description: c.description,
    Tags: tagList(r.tags),
  };
}

function toImage(amiId: string, snapshot: SampleResource): Image {
  const c = snapshot.resource.config as { sizeGiB: number; startTime: string };
  return {
    ImageId: amiId,
    OwnerId: snapshot.resource.account,
    Name: `${snapshot.resource.name}-ami`,
    State: 'available',
    CreationDate: c.startTime,
    RootDeviceName: '/dev/xvda',
    RootDeviceType: 'ebs',
    BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: idOf(snapshot.resource.arn), VolumeSize: c.sizeGiB, VolumeType: 'gp3', DeleteOnTermination: true } }],
  };
}

function toAddress(sample: SampleResource): Address {
  const r = sample.resource;
  const c = r.config as { publicIp: string; allocationId: string; associationId?: string; instanceId?: string; networkInterfaceId?: string };
  return {
    PublicIp: c.publicIp,
    AllocationId: c.allocationId,
    AssociationId: c.associationId,
    InstanceId: c.instanceId,
    NetworkInterfaceId: c.networkInterfaceId,
    Domain: 'vpc',
    PublicIpv4Pool: 'amazon',
    NetworkBorderGroup: r.region,
    Tags: tagList(r.tags),
  };
}

function toNatGateway(sample: SampleResource): NatGateway {
  const r = sample.resource;
  const c = r.config as { state: NatGateway['State']; connectivityType?: 'public' | 'private'; vpcId?: string; subnetId?: string; createTime?: string };
  return {
    NatGatewayId: idOf(r.arn),
    State: c.state,
    ConnectivityType: c.connectivityType ?? 'public',
    VpcId: c.vpcId,
    SubnetId: c.subnetId,
    CreateTime: c.createTime ? new Date(c.createTime) : undefined,
    Tags: tagList(r.tags),
  };
}

function toLoadBalancer(sample: SampleResource): LoadBalancer {
  const r = sample.resource;
  const c = r.config as { lbType: 'application' | 'network'; scheme: 'internet-facing' | 'internal'; state: 'active'; createdTime?: string };
  const name = r.name;
  return {
    LoadBalancerArn: r.arn,
    LoadBalancerName: name,
    DNSName: `${name}-${idOf(r.arn).slice(0, 10)}.${r.region}.elb.amazonaws.com`,
    Type: c.lbType,
    Scheme: c.scheme,
    State: { Code: c.state },
    CreatedTime: c.createdTime ? new Date(c.createdTime) : undefined,
    IpAddressType: 'ipv4',
    AvailabilityZones: [{ ZoneName: `${r.region}a` }, { ZoneName: `${r.region}b` }],
  };
}

function toTargetGroup(lb: SampleResource): TargetGroup {
  const r = lb.resource;
  const network = r.config.lbType === 'network';
  return {
    TargetGroupArn: `arn:aws:elasticloadbalancing:${r.region}:${r.account}:targetgroup/${r.name.slice(0, 28)}-tg/${idOf(r.arn)}`,
    TargetGroupName: `${r.name.slice(0, 28)}-tg`,
    Protocol: network ? 'TCP' : 'HTTP',
    Port: network ? 443 : 80,
    TargetType: 'instance',
    LoadBalancerArns: [r.arn],
  };
}

/** `registeredTargets` instances, the first `healthyTargets` of them healthy. */
function targetHealth(lb: SampleResource): TargetHealthDescription[] {
  const registered = Number(lb.resource.config.registeredTargets ?? 0);
  const healthy = Number(lb.resource.config.healthyTargets ?? registered);
  return Array.from({ length: registered }, (_, i) => ({
    Target: { Id: `i-${idOf(lb.resource.arn).slice(0, 13)}${String(i).padStart(4, '0')}`, Port: 80 },
    HealthCheckPort: '80',
    TargetHealth: i < healthy ? { State: 'healthy' } : { State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' },
  }));
}
