import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { environmentTag, isNonProduction } from '../support/environment.js';
import { serviceMonthlyUsd, sizedFargateService, spotShare } from './fargate-service.js';

const RULE_ID = 'ecs/fargate-spot';
/** The tag with which an owner declares a service interruptible (any environment). */
export const INTERRUPTIBLE_TAG = 'headroom:interruptible';
/** Tag-based, and the Spot discount moves (the estimate uses its published maximum). */
const CONFIDENCE = 0.6;

/**
 * Fargate Spot for interruptible services: an on-demand-only Linux/X86_64 Fargate replica service (Fargate Spot runs
 * neither ARM64 nor Windows tasks) that is interruptible — tagged non-production (env dev, test, staging …) or
 * `headroom:interruptible=true`. Spot tasks can be stopped with a two-minute warning (SIGTERM), which stateless
 * services behind a load balancer absorb. Proposes a capacity provider strategy of FARGATE_SPOT:
 *
 *   savings = desiredCount × task $/h × 730 × 0.7     (the published "up to 70 %": an upper estimate)
 *
 * Risk 2 (interruptions, and no Spot capacity at times: tasks wait); effort medium (the cluster needs the
 * FARGATE_SPOT capacity provider, the service a new deployment); confidence 0.6. Reversible. No executor.
 */
export const fargateSpot: Rule = {
  id: RULE_ID,
  domain: 'compute',
  resourceType: 'ecs:service',
  summary: 'Run an interruptible (non-production or tagged) Fargate service on Fargate Spot, up to 70 % cheaper.',
  evaluate(slice, context) {
    const config = sizedFargateService(readConfig(slice.resource, 'ecs:service'));
    if (!config || config.cpuArchitecture !== 'X86_64' || spotShare(config) > 0) return [];
    const tagged = slice.resource.tags[INTERRUPTIBLE_TAG] === 'true';
    if (!tagged && !isNonProduction(slice.resource.tags)) return [];
    const onDemandUsd = serviceMonthlyUsd(context.prices, config, config.taskCpuUnits, config.taskMemoryMiB);
    const monthlySavingsUsd = onDemandUsd * context.prices.fargateSpotMaxDiscount;
    if (monthlySavingsUsd <= 0) return [];
    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'compute',
        resource: slice.resource,
        current: { capacityProvider: 'FARGATE', desiredCount: config.desiredCount },
        proposed: { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] },
        monthlySavingsUsd,
        performanceRisk: 2,
        confidence: CONFIDENCE,
        effort: 'medium',
        restartRequired: true,
        reversible: true,
        evidence: {
          statistics: {
            interruptibleBy: tagged ? INTERRUPTIBLE_TAG : `env=${environmentTag(slice.resource.tags) ?? ''}`,
            desiredCount: config.desiredCount,
            onDemandMonthlyUsd: roundTo(onDemandUsd, 2),
            spotMaxDiscount: context.prices.fargateSpotMaxDiscount,
          },
          quantiles: {},
          series: [],
          sources: ['ecs-service', 'tags', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
