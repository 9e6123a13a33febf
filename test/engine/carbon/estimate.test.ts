import { describe, expect, it } from 'vitest';
import { computeKgCo2ePerMonth, storageKgCo2ePerMonth } from '../../../lambdas/engine/carbon/estimate.js';
import { gridTonnesCo2ePerKwh } from '../../../lambdas/engine/carbon/grid-factors.js';

// Expected values are written out from Cloud Carbon Footprint's published figures (730 h, PUE 1.135, grid factor in
// t/kWh × 1000 kg/t), not read back from the constants: changing any coefficient or factor fails these.
const MONTH_KG_PER_KWH_PER_HOUR = (factor: number) => 730 * 1.135 * factor * 1000;

describe('carbon/grid-factors', () => {
  it("uses Cloud Carbon Footprint's factor of each region", () => {
    expect(gridTonnesCo2ePerKwh('us-east-1')).toBe(0.000379069); // NERC SERC
    expect(gridTonnesCo2ePerKwh('us-east-2')).toBe(0.000410608); // NERC RFC
    expect(gridTonnesCo2ePerKwh('us-west-2')).toBe(0.000322167); // NERC WECC
    expect(gridTonnesCo2ePerKwh('eu-west-1')).toBe(0.000316);
    expect(gridTonnesCo2ePerKwh('eu-north-1')).toBe(0.000008);
    expect(gridTonnesCo2ePerKwh('ap-southeast-2')).toBe(0.00079);
    expect(gridTonnesCo2ePerKwh('af-south-1')).toBe(0.000928);
  });

  it("falls back to CCF's table average for a region it does not list", () => {
    expect(gridTonnesCo2ePerKwh('ap-southeast-5')).toBe(0.00038738);
    // inherited object keys are not regions
    expect(gridTonnesCo2ePerKwh('constructor')).toBe(0.00038738);
  });
});

describe('carbon/estimate', () => {
  it('estimates compute in us-east-1: 2 vCPU, 8 GiB at 10 % ≈ 1.6 kg a month', () => {
    const kwhPerHour = (2 * (0.74 + 0.1 * (3.5 - 0.74))) / 1000 + 8 * 0.000392;
    expect(computeKgCo2ePerMonth('us-east-1', 2, 8, 0.1)).toBeCloseTo(kwhPerHour * MONTH_KG_PER_KWH_PER_HOUR(0.000379069), 9);
    expect(computeKgCo2ePerMonth('us-east-1', 2, 8, 0.1)).toBeCloseTo(1.6, 1);
  });

  it('scales with the grid factor of the region the resource runs in', () => {
    const east = computeKgCo2ePerMonth('us-east-1', 4, 16, 0.5);
    expect(computeKgCo2ePerMonth('eu-north-1', 4, 16, 0.5) / east).toBeCloseTo(0.000008 / 0.000379069, 9);
    expect(computeKgCo2ePerMonth('ap-south-1', 4, 16, 0.5) / east).toBeCloseTo(0.000708 / 0.000379069, 9);
  });

  it("uses Graviton's watts for arm64 (0.47–1.69 W per vCPU)", () => {
    const kwhPerHour = (2 * (0.47 + 0.5 * (1.69 - 0.47))) / 1000 + 4 * 0.000392;
    expect(computeKgCo2ePerMonth('us-east-1', 2, 4, 0.5, 'arm64')).toBeCloseTo(kwhPerHour * MONTH_KG_PER_KWH_PER_HOUR(0.000379069), 9);
    expect(computeKgCo2ePerMonth('us-east-1', 2, 4, 0.5, 'arm64')).toBeLessThan(computeKgCo2ePerMonth('us-east-1', 2, 4, 0.5));
  });

  it('clamps utilisation into [0, 1]', () => {
    expect(computeKgCo2ePerMonth('us-east-1', 1, 0, 2)).toBe(computeKgCo2ePerMonth('us-east-1', 1, 0, 1));
    expect(computeKgCo2ePerMonth('us-east-1', 1, 0, -1)).toBe(computeKgCo2ePerMonth('us-east-1', 1, 0, 0));
  });

  it('estimates EBS storage: 1,000 GiB of SSD twice replicated in eu-west-1', () => {
    const kwhPerHour = ((1000 / 1000) * 1.2 * 2) / 1000;
    expect(storageKgCo2ePerMonth('eu-west-1', 1000, 'ssd')).toBeCloseTo(kwhPerHour * MONTH_KG_PER_KWH_PER_HOUR(0.000316), 9);
    expect(storageKgCo2ePerMonth('eu-west-1', 1000, 'hdd', 3)).toBeCloseTo(((1.0 * 0.65 * 3) / 1000) * MONTH_KG_PER_KWH_PER_HOUR(0.000316), 9);
  });
});
