import type { Resource } from '../../engine/types/snapshot.js';
import type { Archetype, SampleDetails, SampleResource, Workload } from './model.js';
import { Random } from './prng.js';

const DAY_MS = 86_400_000;

export const TEAMS = [
  { team: 'checkout', owner: 'maria.lopez@example.com' },
  { team: 'identity', owner: 'kenji.sato@example.com' },
  { team: 'search', owner: 'amara.okafor@example.com' },
  { team: 'mobile', owner: 'lukas.becker@example.com' },
  { team: 'data', owner: 'priya.natarajan@example.com' },
  { team: 'platform', owner: 'sam.taylor@example.com' },
] as const;

/** State shared by the archetype builders while one account is generated. */
export class BuildContext {
  readonly rand: Random;
  readonly out: SampleResource[] = [];
  private saltCounter = 0;
  private nameCounters = new Map<string, number>();
  private kindCounters = new Map<string, number>();

  constructor(
    readonly seed: number,
    readonly accountId: string,
    readonly now: number,
    readonly capacity: number,
  ) {
    this.rand = new Random(seed);
  }

  get full(): boolean {
    return this.out.length >= this.capacity;
  }

  /**
   * Adds a resource unless the requested count is reached; returns whether it was added. An archetype drawing from its
   * own generator passes its own `salt` (negative, so it never meets a counter salt): the counter then does not move,
   * and the noise of every resource added after it stays what it was.
   */
  add(sample: Omit<SampleResource, 'workload'> & { workload: Omit<Workload, 'salt'> }, salt?: number): SampleResource | undefined {
    if (this.full) return undefined;
    if (salt === undefined) this.saltCounter += 1;
    const added: SampleResource = { ...sample, workload: { ...sample.workload, salt: salt ?? this.saltCounter * 7919 + this.seed } };
    this.out.push(added);
    return added;
  }

  /** Counts calls per kind: 1 on the first call for a kind, 2 on the second, ... */
  countOf(kind: string): number {
    const n = (this.kindCounters.get(kind) ?? 0) + 1;
    this.kindCounters.set(kind, n);
    return n;
  }

  /** A name unique within the account: `checkout-api`, `checkout-api-2`, ... */
  uniqueName(base: string): string {
    const n = (this.nameCounters.get(base) ?? 0) + 1;
    this.nameCounters.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  }

  daysAgo(days: number): number {
    return this.now - days * DAY_MS;
  }

  /** EC2-style ids: `i-`, `vol-`, `snap-`, `ami-`, `nat-`, `eipalloc-`, ... followed by 17 lowercase hex digits. */
  ec2Id(prefix: 'i' | 'vol' | 'snap' | 'ami' | 'nat' | 'eipalloc' | 'eipassoc' | 'eni' | 'subnet' | 'vpc'): string {
    return `${prefix}-${this.rand.hex(17)}`;
  }

  team(): (typeof TEAMS)[number] {
    return this.rand.pick(TEAMS);
  }
}

export function tagsFor(team: (typeof TEAMS)[number], env: string, service: string, extra: Record<string, string> = {}): Record<string, string> {
  return { team: team.team, owner: team.owner, env, service, ...extra };
}

export function resource(
  type: Resource['type'],
  arn: string,
  where: { account: string; region: string },
  name: string,
  tags: Record<string, string>,
  config: Record<string, unknown>,
): Resource {
  return { arn, type, account: where.account, region: where.region, name, tags, config };
}

export type Builder = (context: BuildContext, region: string) => void;
export type { Archetype, SampleDetails };
