import { describe, expect, it } from 'vitest';
import { analyseSnapshotPipeline, runRegion, snapshotPricesFor, type PipelinePhase } from '../../lambdas/engine/pipeline.js';
import type { Prices, Resource, Snapshot } from '../../lambdas/engine/types/snapshot.js';
import { NOW, resource, series } from './rules/fixtures.js';

/** An m5.2xlarge busy at 6 % CPU every hour (rightsizing, and on-demand hours for a Savings Plan) in `region`. */
function busyInstance(name: string, region: string): { resource: Resource; cpu: ReturnType<typeof series> } {
  const base = resource('ec2:instance', name, { instanceType: 'm5.2xlarge', state: 'running' });
  const r = { ...base, region, arn: base.arn.replace('us-east-1', region) };
  return { resource: r, cpu: series(r.arn, 'CPUUtilization', 'Average', (i) => (i % 288 < 4 ? 25 : 6), { unit: 'Percent' }) };
}

function twoRegionSnapshot(): Snapshot {
  const east = busyInstance('web-east', 'us-east-1');
  const west = busyInstance('web-west', 'eu-west-1');
  return {
    version: 1,
    collectedAt: new Date(NOW).toISOString(),
    accounts: ['123456789012'],
    regions: ['us-east-1', 'eu-west-1'],
    resources: [east.resource, west.resource],
    series: [east.cpu, west.cpu],
    costs: [],
    recommendations: [],
    issues: [],
  };
}

const euPrices: Prices = { region: 'eu-west-1', ec2HourlyUsd: { 'm5.2xlarge': 0.428, 'm5.xlarge': 0.214, 'm5.large': 0.107 }, ebsGbMonthUsd: {} };
const pricesFor = (region: string) => (region === 'eu-west-1' ? euPrices : undefined);

describe('analyseSnapshotPipeline', () => {
  it('sizes one Savings Plan on the spend of every region together', () => {
    const snapshot = twoRegionSnapshot();
    const both = analyseSnapshotPipeline(snapshot, { pricesFor });
    const plans = both.findings.filter((f) => f.ruleId === 'account/savings-plans');
    expect(plans).toHaveLength(1);
    // Each instance's on-demand rate, every hour: the bundled us-east-1 price plus the eu-west-1 one.
    expect(plans[0].evidence.statistics?.meanOnDemandUsdPerHour).toBeCloseTo(0.384 + 0.428, 3);
    const eastOnly = analyseSnapshotPipeline({ ...snapshot, resources: [snapshot.resources[0]], series: [snapshot.series[0]] }, { pricesFor });
    const eastPlan = eastOnly.actions.find((a) => a.ruleId === 'account/savings-plans');
    expect(both.actions.find((a) => a.ruleId === 'account/savings-plans')!.monthlySavingsUsd).toBeGreaterThan(eastPlan!.monthlySavingsUsd);
  });

  it("prices each region's resources with that region's prices", () => {
    const { findings } = analyseSnapshotPipeline(twoRegionSnapshot(), { pricesFor });
    const rightsize = (name: string) => findings.find((f) => f.ruleId === 'ec2/rightsize-instance' && f.resource.name === name)!;
    expect(rightsize('web-west').monthlySavingsUsd).toBeGreaterThan(rightsize('web-east').monthlySavingsUsd);
  });

  it('gives the same answer whatever order the resources come in, and runs each phase once per batch', () => {
    const snapshot = twoRegionSnapshot();
    const seen: PipelinePhase[] = [];
    const forward = analyseSnapshotPipeline(snapshot, { pricesFor, observe: (phase, work) => (seen.push(phase), work()) });
    const reversed = analyseSnapshotPipeline({ ...snapshot, resources: [...snapshot.resources].reverse() }, { pricesFor });
    expect(reversed.actions).toEqual(forward.actions);
    expect(seen).toEqual(['slice', 'batch', 'batch', 'cost', 'run']);
  });
});

describe('snapshotPricesFor', () => {
  it("prices a region with its regionPrices entry, else with the snapshot's prices, and analyses with them by default", () => {
    const usPrices: Prices = { region: 'us-east-1', ec2HourlyUsd: { 'm5.2xlarge': 0.4 }, ebsGbMonthUsd: {} };
    expect(snapshotPricesFor({ regionPrices: [usPrices, euPrices] })('eu-west-1')).toBe(euPrices);
    expect(snapshotPricesFor({ regionPrices: [usPrices], prices: euPrices })('eu-west-1')).toBe(euPrices);
    expect(snapshotPricesFor({ regionPrices: [usPrices] })('ap-south-1')).toBeUndefined();
    const snapshot = { ...twoRegionSnapshot(), regionPrices: [euPrices] };
    expect(analyseSnapshotPipeline(snapshot).actions).toEqual(analyseSnapshotPipeline(snapshot, { pricesFor }).actions);
  });
});

describe('runRegion', () => {
  it('is the one region of all resources, or undefined when they span several', () => {
    const { resources } = twoRegionSnapshot();
    expect(runRegion(resources.slice(0, 1))).toBe('us-east-1');
    expect(runRegion(resources)).toBeUndefined();
    expect(runRegion([])).toBeUndefined();
  });
});
