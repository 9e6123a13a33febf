import { resource, tagsFor, type BuildContext, type Builder } from './build-context.js';

const IDLE = { dailyAmplitude: 0, peakHourUtc: 0, weekendFactor: 1, growthPerDay: 0, noise: 0 } as const;

/**
 * A load balancer in front of a team's service: mostly application load balancers (requests per second
 * with a daily cycle), one in five a network load balancer (new flows per second). One in seven has
 * (almost) no traffic left and, usually, no registered targets; an unhealthy target now and then.
 */
export const loadBalancer: Builder = (context, region) => {
  const { rand, accountId: account } = context;
  const team = context.team();
  const network = rand.chance(0.2);
  const name = context.uniqueName(`${team.team}-${network ? 'nlb' : 'alb'}`);
  const idle = rand.chance(0.15);
  const createdAt = context.daysAgo(rand.int(100, 900));
  const registered = idle ? rand.pick([0, 0, 1]) : rand.int(2, 6);
  const healthy = idle || rand.chance(0.8) ? registered : registered - 1;
  context.add({
    archetype: 'load-balancer',
    createdAt,
    resource: resource(
      'elb:load-balancer',
      `arn:aws:elasticloadbalancing:${region}:${account}:loadbalancer/${network ? 'net' : 'app'}/${name}/${rand.hex(16)}`,
      { account, region },
      name,
      tagsFor(team, 'prod', `${team.team}-web`),
      {
        lbType: network ? 'network' : 'application',
        scheme: rand.chance(0.7) ? 'internet-facing' : 'internal',
        state: 'active',
        createdTime: new Date(createdAt).toISOString(),
        registeredTargets: registered,
        healthyTargets: healthy,
      },
    ),
    workload: { level: idle ? 0.002 : rand.between(20, 300), dailyAmplitude: 0.5, peakHourUtc: 17, weekendFactor: 0.7, growthPerDay: 0.004, noise: 0.1 },
    details: { lcu: idle ? 0 : rand.between(1, 8), responseTimeSec: rand.between(0.02, 0.25), availabilityZone: `${region}a` },
  });
};

/**
 * A VPC's egress: a public NAT gateway with its Elastic IP (associated through the gateway's network
 * interface), busy with a daily cycle or — one in four, and the second one — idle (the environment behind
 * it was torn down). One time in two a forgotten, unassociated Elastic IP sits next to it.
 */
export const networkEdge: Builder = (context, region) => {
  const { rand, accountId: account } = context;
  const team = context.team();
  const env = rand.pick(['prod', 'prod', 'staging', 'dev']);
  // One in four idle, and always the account's second gateway, so every ordinary account has one among busy ones.
  const nth = context.countOf('nat-gateway');
  const idle = rand.chance(0.25) || nth === 2;
  const az = `${region}${rand.pick(['a', 'b', 'c'])}`;
  const natId = context.ec2Id('nat');
  const eniId = context.ec2Id('eni');
  const createdAt = context.daysAgo(rand.int(60, 900));
  const name = context.uniqueName(`${team.team}-${env}-nat-${az.slice(-1)}`);
  const nat = context.add({
    archetype: 'network',
    createdAt,
    resource: resource('ec2:nat-gateway', `arn:aws:ec2:${region}:${account}:natgateway/${natId}`, { account, region }, name, { Name: name, ...tagsFor(team, env, `${team.team}-network`) }, {
      state: 'available',
      connectivityType: 'public',
      vpcId: context.ec2Id('vpc'),
      subnetId: context.ec2Id('subnet'),
      createTime: new Date(createdAt).toISOString(),
    }),
    // MB/s through the gateway; an idle one still sees a trickle of OS updates and health checks.
    workload: idle ? { level: 0.00002, ...IDLE, noise: 0.5 } : { level: rand.between(0.5, 20), dailyAmplitude: 0.5, peakHourUtc: rand.between(13, 18), weekendFactor: 0.8, growthPerDay: 0.002, noise: 0.15 },
    details: { availabilityZone: az, connectionsPerMBps: rand.between(20, 80) },
  });
  if (nat !== undefined) elasticIp(context, region, team, env, `${name}-eip`, { networkInterfaceId: eniId }, createdAt);
  if (rand.chance(0.5)) elasticIp(context, region, team, env, context.uniqueName(`${team.team}-${env}-spare-ip`), undefined, context.daysAgo(rand.int(30, 400)));
};

function elasticIp(
  context: BuildContext,
  region: string,
  team: ReturnType<BuildContext['team']>,
  env: string,
  name: string,
  association: { networkInterfaceId: string } | undefined,
  createdAt: number,
): void {
  const { rand, accountId: account } = context;
  const allocationId = context.ec2Id('eipalloc');
  context.add({
    archetype: 'network',
    createdAt,
    resource: resource('ec2:elastic-ip', `arn:aws:ec2:${region}:${account}:elastic-ip/${allocationId}`, { account, region }, name, { Name: name, ...tagsFor(team, env, `${team.team}-network`) }, {
      // 198.51.100.0/24 is a documentation range (RFC 5737): plausible, never a real address.
      publicIp: `198.51.100.${rand.int(1, 254)}`,
      allocationId,
      ...(association ? { associationId: context.ec2Id('eipassoc'), networkInterfaceId: association.networkInterfaceId } : {}),
    }),
    workload: { level: 0, ...IDLE },
    details: {},
  });
}

/**
 * EBS snapshots: a fresh nightly backup of a volume that still exists in the region, the snapshot an
 * AMI was built from, and — one time in two — an old snapshot whose volume was deleted long ago.
 */
export const backups: Builder = (context, region) => {
  const { rand, accountId: account } = context;
  const team = context.team();
  const volume = latestVolume(context, region);
  const snapshot = (spec: { name: string; sizeGiB: number; daysAgo: number; volumeId: string; exists: boolean; amiIds?: string[]; description: string; env: string }) => {
    const id = context.ec2Id('snap');
    // Whole seconds, as the API reports them.
    const createdAt = Math.round(context.daysAgo(spec.daysAgo) / 1000) * 1000;
    context.add({
      archetype: 'backup',
      createdAt,
      resource: resource('ebs:snapshot', `arn:aws:ec2:${region}::snapshot/${id}`, { account, region }, spec.name, { Name: spec.name, ...tagsFor(team, spec.env, `${team.team}-backup`) }, {
        sizeGiB: spec.sizeGiB,
        startTime: new Date(createdAt).toISOString(),
        volumeId: spec.volumeId,
        sourceVolumeExists: spec.exists,
        amiIds: spec.amiIds ?? [],
        storageTier: 'standard',
        description: spec.description,
      }),
      workload: { level: 0, ...IDLE },
      details: {},
    });
  };
  if (volume !== undefined) {
    const volumeId = volume.resource.arn.split('/').pop() ?? '';
    snapshot({ name: context.uniqueName(`${volume.resource.name}-nightly`), sizeGiB: Number(volume.resource.config.sizeGiB), daysAgo: rand.between(0.2, 1), volumeId, exists: true, description: `nightly backup of ${volumeId}`, env: 'prod' });
    const amiId = context.ec2Id('ami');
    snapshot({ name: context.uniqueName(`${team.team}-golden-image`), sizeGiB: Number(volume.resource.config.sizeGiB), daysAgo: rand.int(20, 200), volumeId, exists: true, amiIds: [amiId], description: `Created by CreateImage(${amiId}) for ${amiId}`, env: 'prod' });
  }
  if (rand.chance(0.5)) {
    snapshot({ name: context.uniqueName(`${team.team}-pre-migration`), sizeGiB: rand.pick([50, 100, 500, 1000]), daysAgo: rand.int(200, 900), volumeId: context.ec2Id('vol'), exists: false, description: 'before the database migration', env: rand.pick(['prod', 'staging']) });
  }
};

/** The most recently added volume in the region (scanning back from the end keeps generation linear). */
function latestVolume(context: BuildContext, region: string) {
  for (let i = context.out.length - 1; i >= 0; i--) {
    const sample = context.out[i];
    if (sample.resource.type === 'ebs:volume' && sample.resource.region === region) return sample;
  }
  return undefined;
}
