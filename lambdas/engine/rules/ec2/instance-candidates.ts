import type { Ec2InstanceSpec, PriceBook } from '../../pricing/price-book.js';

/** Workload-agnostic categories a rightsizing may move between (memory is checked separately). */
const INTERCHANGEABLE = new Set(['General Purpose', 'Compute Optimized', 'Memory Optimized']);
/**
 * Categories whose hardware is the workload's reason to be there (GPUs, Inferentia/Trainium, FPGAs, dense local disks,
 * HPC interconnect): a move stays within the family (inf2.xlarge → inf2.8xlarge, never → g6f.xlarge; d3 → d3, never
 * → i4g), since another family's accelerator or disks need other drivers, runtimes or data layouts.
 */
const SAME_FAMILY_ONLY = new Set(['Accelerated Computing', 'Storage Optimized', 'HPC Optimized']);

/** Attribute letters after the generation digit: 'gd' in 'm6gd'. 'd' means local NVMe instance storage. */
function attributes(spec: Ec2InstanceSpec): string {
  return spec.family.slice(spec.family.search(/\d/) + String(spec.generation).length);
}

export interface CandidateRequirements {
  current: Ec2InstanceSpec;
  neededVcpu: number;
  neededMemoryGiB: number;
  /** Linux can move to Graviton (arm64) if the AMI is rebuilt; Windows on EC2 is x86 only. */
  allowArm: boolean;
}

/**
 * The instance types a rightsizing may propose, cheapest first (ties: fewer vCPU, then same architecture, then name):
 * priced in the book; same or newer generation, not previous-generation; same category, or any of
 * general/compute/memory when the current type is one of those; the same family for accelerated computing, storage
 * optimized and HPC types (and types without a category); burstable only if the current type is; no bare metal,
 * Mac or high-memory 'u-' hosts; keeps local instance storage if the current type has it; same architecture, or arm64
 * when `allowArm`; at least `neededVcpu` vCPUs and `neededMemoryGiB` memory.
 */
export function rightsizingCandidates(prices: PriceBook, req: CandidateRequirements): Ec2InstanceSpec[] {
  return [...candidatesByPrice(prices)].filter((c) => fits(c, req)).sort(byPreference(req.current));
}

/** The first of rightsizingCandidates without building the list: scans the price-sorted pool once (hot path). */
export function cheapestRightsizingCandidate(prices: PriceBook, req: CandidateRequirements): Ec2InstanceSpec | undefined {
  let best: Ec2InstanceSpec | undefined;
  const prefer = byPreference(req.current);
  for (const c of candidatesByPrice(prices)) {
    if (best && (c.usdPerHour ?? 0) > (best.usdPerHour ?? 0)) break;
    if (fits(c, req) && (!best || prefer(c, best) < 0)) best = c;
  }
  return best;
}

/** The candidate pool sorted by price ascending, computed once per price book. */
const sortedPools = new WeakMap<PriceBook, readonly Ec2InstanceSpec[]>();
function candidatesByPrice(prices: PriceBook): readonly Ec2InstanceSpec[] {
  let pool = sortedPools.get(prices);
  if (!pool) {
    pool = [...prices.ec2Candidates()].sort((a, b) => (a.usdPerHour ?? 0) - (b.usdPerHour ?? 0));
    sortedPools.set(prices, pool);
  }
  return pool;
}

function byPreference(current: Ec2InstanceSpec): (a: Ec2InstanceSpec, b: Ec2InstanceSpec) => number {
  return (a, b) =>
    (a.usdPerHour ?? 0) - (b.usdPerHour ?? 0) ||
    (a.vcpu ?? 0) - (b.vcpu ?? 0) ||
    Number(b.architecture === current.architecture) - Number(a.architecture === current.architecture) ||
    (a.instanceType < b.instanceType ? -1 : 1);
}

function fits(c: Ec2InstanceSpec, req: CandidateRequirements): boolean {
  const { current } = req;
  const sameFamilyOnly = current.category === null || SAME_FAMILY_ONLY.has(current.category);
  const categoryOk = sameFamilyOnly
    ? c.family === current.family
    : c.category === current.category || (INTERCHANGEABLE.has(current.category ?? '') && INTERCHANGEABLE.has(c.category ?? ''));
  return (
    c.instanceType !== current.instanceType &&
    !c.previousGeneration &&
    c.generation >= current.generation &&
    categoryOk &&
    c.burstable === current.burstable &&
    !c.instanceType.endsWith('.metal') &&
    !/^(mac|u-)/.test(c.family) &&
    (!attributes(current).includes('d') || attributes(c).includes('d')) &&
    (c.architecture === current.architecture || (req.allowArm && c.architecture === 'arm64')) &&
    (c.vcpu ?? 0) >= req.neededVcpu &&
    (c.memoryGiB ?? 0) >= req.neededMemoryGiB
  );
}
