import { HOURS_PER_MONTH } from '../pricing/price-book.js';
import {
  AWS_PUE,
  EBS_REPLICATION_FACTOR,
  GRAVITON_MAX_WATTS_PER_VCPU,
  GRAVITON_MIN_WATTS_PER_VCPU,
  HDD_WH_PER_TB_HOUR,
  MAX_WATTS_PER_VCPU,
  MEMORY_KWH_PER_GB_HOUR,
  MIN_WATTS_PER_VCPU,
  SSD_WH_PER_TB_HOUR,
} from './ccf-coefficients.js';
import { gridTonnesCo2ePerKwh } from './grid-factors.js';

/** CPU architecture of the allocation: arm64 runs on Graviton (CCF's Graviton2 watts), x86_64 on CCF's AWS average. */
export type CpuArchitecture = 'x86_64' | 'arm64';

/**
 * Operational emissions estimates after the Cloud Carbon Footprint method (embodied emissions are left out;
 * docs/carbon.md):
 *
 *   compute kWh/h = vCPU × (minW + u × (maxW − minW)) / 1000 + memoryGiB × 0.000392
 *   storage kWh/h = TB × Wh/TB-h / 1000 × replication
 *   kgCO2e/month  = kWh/h × 730 × PUE (1.135) × grid factor of the region (t/kWh) × 1000
 *
 * with u the average CPU utilisation in [0, 1], minW/maxW 0.74/3.5 W (x86_64) or 0.47/1.69 W (arm64). Example in
 * us-east-1 (0.000379069 t/kWh): 2 vCPU, 8 GiB at 10 % → (2 × 1.016 / 1000 + 0.003136) × 730 × 1.135 × 0.379069
 * ≈ 1.6 kgCO2e/month; the same in eu-north-1 (0.000008 t/kWh) ≈ 0.034.
 */
function kgPerMonth(region: string, kwhPerHour: number): number {
  return kwhPerHour * HOURS_PER_MONTH * AWS_PUE * gridTonnesCo2ePerKwh(region) * 1000;
}

/** kgCO2e a month of a running instance (or any vCPU/memory allocation) in `region` at average utilisation `cpuFraction`. */
export function computeKgCo2ePerMonth(
  region: string,
  vcpu: number,
  memoryGiB: number,
  cpuFraction: number,
  architecture: CpuArchitecture = 'x86_64',
): number {
  const u = Math.min(1, Math.max(0, cpuFraction));
  const [minW, maxW] = architecture === 'arm64' ? [GRAVITON_MIN_WATTS_PER_VCPU, GRAVITON_MAX_WATTS_PER_VCPU] : [MIN_WATTS_PER_VCPU, MAX_WATTS_PER_VCPU];
  const watts = vcpu * (minW + u * (maxW - minW));
  return kgPerMonth(region, watts / 1000 + memoryGiB * MEMORY_KWH_PER_GB_HOUR);
}

/**
 * kgCO2e a month of `sizeGiB` of provisioned storage in `region` (SSD for gp2/gp3/io1/io2, HDD for st1/sc1/standard
 * and object storage), stored `replication` times (EBS volumes: 2).
 */
export function storageKgCo2ePerMonth(region: string, sizeGiB: number, medium: 'ssd' | 'hdd', replication = EBS_REPLICATION_FACTOR): number {
  const whPerTbHour = medium === 'ssd' ? SSD_WH_PER_TB_HOUR : HDD_WH_PER_TB_HOUR;
  return kgPerMonth(region, ((sizeGiB / 1000) * whPerTbHour * replication) / 1000);
}

/** Rounds an emission estimate for findings (kg, 3 decimals). */
export function roundKg(value: number): number {
  return Math.round(value * 1000) / 1000;
}
