import { HOURS_PER_MONTH } from '../pricing/price-book.js';
import {
  AWS_PUE,
  EBS_REPLICATION_FACTOR,
  HDD_WH_PER_TB_HOUR,
  MAX_WATTS_PER_VCPU,
  MEMORY_KWH_PER_GB_HOUR,
  MIN_WATTS_PER_VCPU,
  SSD_WH_PER_TB_HOUR,
  US_EAST_1_TONNES_CO2E_PER_KWH,
} from './ccf-coefficients.js';

/**
 * Operational emissions estimates after the Cloud Carbon Footprint method (embodied emissions are left out):
 *
 *   compute kWh/h = vCPU × (minW + u × (maxW − minW)) / 1000 + memoryGiB × 0.000392
 *   storage kWh/h = TB × Wh/TB-h / 1000 × replication
 *   kgCO2e/month  = kWh/h × 730 × PUE (1.135) × 0.000379069 t/kWh × 1000
 *
 * with u the average CPU utilisation in [0, 1]. Example: 2 vCPU, 8 GiB at 10 % → (2 × 1.016 / 1000 + 0.003136)
 * × 730 × 1.135 × 0.379069 ≈ 1.6 kgCO2e/month.
 */
function kgPerMonth(kwhPerHour: number): number {
  return kwhPerHour * HOURS_PER_MONTH * AWS_PUE * US_EAST_1_TONNES_CO2E_PER_KWH * 1000;
}

/** kgCO2e a month of a running instance (or any vCPU/memory allocation) at average utilisation `cpuFraction`. */
export function computeKgCo2ePerMonth(vcpu: number, memoryGiB: number, cpuFraction: number): number {
  const u = Math.min(1, Math.max(0, cpuFraction));
  const watts = vcpu * (MIN_WATTS_PER_VCPU + u * (MAX_WATTS_PER_VCPU - MIN_WATTS_PER_VCPU));
  return kgPerMonth(watts / 1000 + memoryGiB * MEMORY_KWH_PER_GB_HOUR);
}

/** kgCO2e a month of provisioned EBS storage (SSD for gp2/gp3/io1/io2, HDD for st1/sc1/standard). */
export function storageKgCo2ePerMonth(sizeGiB: number, medium: 'ssd' | 'hdd'): number {
  const whPerTbHour = medium === 'ssd' ? SSD_WH_PER_TB_HOUR : HDD_WH_PER_TB_HOUR;
  return kgPerMonth(((sizeGiB / 1000) * whPerTbHour * EBS_REPLICATION_FACTOR) / 1000);
}

/** Rounds an emission estimate for findings (kg, 3 decimals). */
export function roundKg(value: number): number {
  return Math.round(value * 1000) / 1000;
}
