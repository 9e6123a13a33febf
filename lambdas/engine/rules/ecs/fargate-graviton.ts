import type { Rule } from '../rule.js';
import { readConfig } from '../support/read-config.js';
import { buildFinding } from '../support/build-finding.js';
import { roundTo } from '../support/money.js';
import { serviceMonthlyUsd, sizedFargateService, spotShare } from './fargate-service.js';

const RULE_ID = 'ecs/fargate-graviton';
/** Price is certain; whether every container image has an arm64 build is not (nothing in the API says). */
const IMAGE_CONFIDENCE = 0.7;

/**
 * Graviton for Fargate: a Linux/X86_64 Fargate service, not using Fargate Spot (Fargate Spot does not run ARM64
 * tasks, so moving would lose the Spot discount), moved to runtimePlatform cpuArchitecture ARM64 at the same size:
 *
 *   savings = desiredCount × (x86 − ARM task $/h) × 730      (Linux/ARM is 20 % cheaper, fargate-prices.ts)
 *
 * Effort high: every container image needs an arm64 (or multi-arch) build, which is also why the risk is 1 and the
 * confidence 0.7. Reversible by the previous task definition revision. No executor.
 */
export const fargateGraviton: Rule = {
  id: RULE_ID,
  domain: 'compute',
  resourceType: 'ecs:service',
  summary: 'Run a Linux x86 Fargate service on Graviton (ARM64) at the same task size: 20 % cheaper once its images are built for arm64.',
  evaluate(slice, context) {
    const config = sizedFargateService(readConfig(slice.resource, 'ecs:service'));
    if (!config || config.cpuArchitecture !== 'X86_64' || spotShare(config) > 0) return [];
    const currentUsd = serviceMonthlyUsd(context.prices, config, config.taskCpuUnits, config.taskMemoryMiB, 'X86_64');
    const armUsd = serviceMonthlyUsd(context.prices, config, config.taskCpuUnits, config.taskMemoryMiB, 'ARM64');
    const monthlySavingsUsd = currentUsd - armUsd;
    if (monthlySavingsUsd <= 0) return [];
    return [
      buildFinding({
        ruleId: RULE_ID,
        domain: 'compute',
        resource: slice.resource,
        current: { cpuArchitecture: 'X86_64', taskCpuUnits: config.taskCpuUnits, taskMemoryMiB: config.taskMemoryMiB },
        proposed: { cpuArchitecture: 'ARM64' },
        monthlySavingsUsd,
        performanceRisk: 1,
        confidence: IMAGE_CONFIDENCE,
        effort: 'high',
        restartRequired: true,
        reversible: true,
        evidence: {
          statistics: {
            desiredCount: config.desiredCount,
            x86MonthlyUsd: roundTo(currentUsd, 2),
            armMonthlyUsd: roundTo(armUsd, 2),
            armPriceRatio: roundTo(armUsd / currentUsd, 3),
          },
          quantiles: {},
          series: [],
          sources: ['ecs-task-definition', ...context.prices.sources],
        },
        automation: { executor: null },
        // Graviton's lower energy per vCPU is not in CCF's coefficients by processor for Fargate: not claimed.
        carbonKgCo2eMonthly: 0,
      }),
    ];
  },
};
