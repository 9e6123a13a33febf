import { resource, tagsFor, TEAMS, type Builder } from './build-context.js';
import { Random } from './prng.js';

/**
 * A team's public API front doors on API Gateway: a busy REGIONAL REST API (20–80 requests/s, so 50–200 million a
 * month: the REST → HTTP API migration is worth doing), an HTTP API (already the cheaper kind: nothing to find) and a
 * PRIVATE REST API (HTTP APIs cannot be private: nothing to find). Draws from its own generator (seeded from the
 * account seed and its call count), so adding it moved no value the other archetypes draw.
 */
export const apiGateways: Builder = (context, region) => {
  const nth = context.countOf('web');
  const rand = new Random((context.seed * 6007 + nth * 130_363) >>> 0);
  const team = rand.pick(TEAMS);
  const { accountId: account } = context;
  const where = { account, region };
  const apis = [
    { kind: 'public', protocol: 'REST', endpointType: 'REGIONAL', level: rand.between(20, 80) },
    { kind: 'partner', protocol: 'HTTP', endpointType: undefined, level: rand.between(20, 80) },
    { kind: 'internal', protocol: 'REST', endpointType: 'PRIVATE', level: rand.between(5, 30) },
  ] as const;
  for (const api of apis) {
    const name = context.uniqueName(`${team.team}-${api.kind}-api`);
    const apiId = rand.hex(10);
    const createdAt = context.daysAgo(rand.int(120, 900));
    const path = api.protocol === 'REST' ? 'restapis' : 'apis';
    context.add({
      archetype: 'api-gateway',
      createdAt,
      resource: resource('apigateway:api', `arn:aws:apigateway:${region}::/${path}/${apiId}`, where, name, tagsFor(team, 'prod', `${team.team}-api`), {
        protocol: api.protocol,
        apiId,
        ...(api.endpointType === undefined ? {} : { endpointType: api.endpointType }),
        createdDate: new Date(createdAt).toISOString(),
      }),
      // Requests per second, with a working-day peak.
      workload: { level: api.level, dailyAmplitude: 0.5, peakHourUtc: 15, weekendFactor: 0.7, growthPerDay: 0.001, noise: 0.08 },
      details: { responseTimeSec: rand.between(0.03, 0.12) },
    });
  }
};
