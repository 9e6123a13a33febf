/**
 * mulberry32: a 32-bit seeded PRNG (Tommy Ettinger's public-domain generator). Same seed, same
 * sequence, on every platform. Returns floats in [0, 1).
 * Example: `const rand = mulberry32(42); rand() // 0.6011037519201636`
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A stateless hash of up to four integers to a float in [0, 1): the murmur3 32-bit finaliser applied
 * after mixing each input. Metric noise uses it so any (resource, metric, time slot) can be evaluated
 * on its own, in any order, without storing the series.
 */
export function hashUnit(a: number, b: number, c: number, d = 0): number {
  let h = 0x811c9dc5 ^ Math.imul(a | 0, 0x9e3779b1);
  h = Math.imul(h ^ (b | 0), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ (c | 0), 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16) ^ (d | 0), 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/**
 * Approximately standard-normal noise from three hashed uniforms (Irwin–Hall, n = 3):
 * z = (u1 + u2 + u3 − 1.5) × 2, mean 0, variance 3 × (1/12) × 4 = 1, bounded to ±3.
 */
export function hashNormal(a: number, b: number, c: number): number {
  return (hashUnit(a, b, c, 1) + hashUnit(a, b, c, 2) + hashUnit(a, b, c, 3) - 1.5) * 2;
}

/** Seeded choice helpers over a mulberry32 stream. */
export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  unit(): number {
    return this.next();
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  int(min: number, maxInclusive: number): number {
    return Math.floor(this.between(min, maxInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
}
