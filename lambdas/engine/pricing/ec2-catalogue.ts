import { EC2_CATALOGUE_ROWS, EC2_CATEGORIES, EC2_PROCESSORS } from './ec2-catalogue.generated.js';

/** What the engine knows about one EC2 instance type (us-east-1 Linux on-demand price, published specification). */
export interface Ec2InstanceSpec {
  instanceType: string;
  /** The part before the dot: 'm7g' in 'm7g.large'. */
  family: string;
  /** The leading letters of the family: 'm', 'c', 'r', 'x', 't', 'inf', 'u-'... */
  series: string;
  /** The family's generation digit(s): 7 for 'm7g'; 0 when the family has none (e.g. 'mac'). */
  generation: number;
  /** CCF category with the '(Previous Gen)' suffix removed, e.g. 'General Purpose'. */
  category: string | null;
  previousGeneration: boolean;
  vcpu: number | null;
  memoryGiB: number | null;
  /** On-demand Linux/UNIX, shared tenancy, us-east-1. null when not sold there. */
  usdPerHour: number | null;
  processor: string | null;
  architecture: 'arm64' | 'x86_64';
  /** t2/t3/t3a/t4g: CPU credits, priced by memory rather than vCPU. */
  burstable: boolean;
}

const FAMILY = /^([a-z-]+?)(\d+)([a-z-]*)$/;

/** Splits 'm7gd.large' into series 'm', generation 7. Families not shaped letters-digits-letters (e.g. 'u-6tb1') get generation 0. */
export function parseFamily(instanceType: string): { family: string; series: string; generation: number } {
  const family = instanceType.split('.')[0];
  const match = FAMILY.exec(family);
  if (!match) return { family, series: family, generation: 0 };
  return { family, series: match[1], generation: Number(match[2]) };
}

function toSpec(row: (typeof EC2_CATALOGUE_ROWS)[number]): Ec2InstanceSpec {
  const [instanceType, categoryIndex, vcpu, memoryGiB, usdPerHour, processorIndex] = row;
  const rawCategory = categoryIndex === null ? null : EC2_CATEGORIES[categoryIndex];
  const processor = processorIndex === null ? null : EC2_PROCESSORS[processorIndex];
  const { family, series, generation } = parseFamily(instanceType);
  return {
    instanceType,
    family,
    series,
    generation,
    category: rawCategory === null ? null : rawCategory.replace(/\s*\(Previous Gen\)$/, ''),
    previousGeneration: rawCategory !== null && rawCategory.endsWith('(Previous Gen)'),
    vcpu,
    memoryGiB,
    usdPerHour,
    processor,
    architecture: processor !== null && /graviton|grace|apple/i.test(processor) ? 'arm64' : 'x86_64',
    burstable: /^t\d/.test(family),
  };
}

/** The bundled catalogue, keyed by instance type. Built once at module load (~1,200 entries). */
export const EC2_CATALOGUE: ReadonlyMap<string, Ec2InstanceSpec> = new Map(
  EC2_CATALOGUE_ROWS.map((row) => [row[0], toSpec(row)] as const),
);
