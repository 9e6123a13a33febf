import type { Rule } from '../rule.js';
import { HOURS_PER_MONTH } from '../../pricing/price-book.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';

const RULE_ID = 'network/unassociated-elastic-ip';

/**
 * Unassociated Elastic IP: an allocated address with no association (DescribeAddresses: no `AssociationId`, instance
 * or network interface) — Trusted Advisor's "Unassociated Elastic IP Addresses". Proposes releasing it.
 *
 *   savings = $0.005/h × 730 = $3.65 a month (public IPv4 price since 2024-02-01; an address in use is billed too,
 *             so only unused ones are waste)
 *
 * Risk 0 (nothing routes through it), confidence 1 (configuration, not a metric). Not reversible: a released address
 * can seldom be recovered, and allow-lists elsewhere may name it — hence a person applies it (no executor).
 * Carbon 0: an address draws no energy attributable under CCF.
 */
export const unassociatedElasticIp: Rule = {
  id: RULE_ID,
  domain: 'network',
  resourceType: 'ec2:elastic-ip',
  summary: 'Release an Elastic IP address associated with nothing ($0.005/h since February 2024).',
  evaluate(slice, context) {
    const config = readConfig(slice.resource, 'ec2:elastic-ip');
    if (config.associationId || config.instanceId || config.networkInterfaceId) return [];
    const hourly = context.prices.elasticIpHourlyUsd;
    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'network',
        resource: slice.resource,
        current: { publicIp: config.publicIp, allocationId: config.allocationId, associated: false },
        proposed: { released: true },
        monthlySavingsUsd: hourly * HOURS_PER_MONTH,
        performanceRisk: 0,
        confidence: 1,
        effort: 'low',
        restartRequired: false,
        reversible: false,
        evidence: {
          statistics: { associated: false, currentUsdPerHour: hourly },
          quantiles: {},
          series: [],
          sources: ['ec2-config', 'trusted-advisor-definition', ...context.prices.sources],
        },
        automation: { executor: null },
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
