import type { EcsServiceConfig } from '../../types/snapshot.js';
import { HOURS_PER_MONTH, type PriceBook } from '../../pricing/price-book.js';

const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

/** A replica service whose tasks run on Fargate: launch type FARGATE, or a strategy of FARGATE / FARGATE_SPOT only. */
export function runsOnFargate(config: EcsServiceConfig): boolean {
  if (config.launchType !== undefined) return config.launchType === 'FARGATE';
  return config.capacityProviders.length > 0 && config.capacityProviders.every((p) => FARGATE_PROVIDERS.has(p.name));
}

/**
 * Share of the service's tasks placed on FARGATE_SPOT by its capacity provider strategy, from the weights (ECS places
 * `base` tasks on the first provider, then splits the rest by weight; the base is ignored here, which is exact once
 * desiredCount is well above it). 0 for a launch-type service.
 */
export function spotShare(config: EcsServiceConfig): number {
  const total = config.capacityProviders.reduce((sum, p) => sum + p.weight, 0);
  if (total === 0) return config.capacityProviders.some((p) => p.name === 'FARGATE_SPOT' && p.base > 0) ? 1 : 0;
  return config.capacityProviders.filter((p) => p.name === 'FARGATE_SPOT').reduce((sum, p) => sum + p.weight, 0) / total;
}

/** A sized, active, replica Linux Fargate service with tasks to run: what every Fargate rule starts from. */
export function sizedFargateService(config: EcsServiceConfig): (EcsServiceConfig & { taskCpuUnits: number; taskMemoryMiB: number }) | undefined {
  if (config.status !== 'ACTIVE' || config.schedulingStrategy !== 'REPLICA' || config.desiredCount === 0 || !runsOnFargate(config)) return undefined;
  if (config.operatingSystemFamily !== 'LINUX' || config.taskCpuUnits === undefined || config.taskMemoryMiB === undefined) return undefined;
  return config as EcsServiceConfig & { taskCpuUnits: number; taskMemoryMiB: number };
}

/**
 * Monthly USD of the service's tasks: desiredCount × task $/h × 730 × (1 − spotShare × Spot discount). The Spot part
 * uses the published maximum discount, so a service already on Spot is priced at its lowest plausible cost.
 */
export function serviceMonthlyUsd(prices: PriceBook, config: EcsServiceConfig, cpuUnits: number, memoryMiB: number, architecture = config.cpuArchitecture): number {
  const onDemand = prices.fargateTaskHourlyUsd(cpuUnits, memoryMiB, architecture) * config.desiredCount * HOURS_PER_MONTH;
  return onDemand * (1 - spotShare(config) * prices.fargateSpotMaxDiscount);
}
