/** Seeded synthetic series for forecast tests (no files, no /work/shared). */

export const FIVE_MINUTES = 300_000;
export const DAY = 86_400_000;
export const START = Date.UTC(2026, 0, 5); // a Monday

/** Park–Miller LCG: deterministic uniform(0,1) stream. */
export function seededRandom(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

/** Standard normal by Box–Muller from a uniform stream. */
export function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
}

export interface SyntheticOptions {
  points: number;
  stepMs: number;
  seed: number;
  level?: number;
  /** Amplitude of a daily sine. */
  daily?: number;
  /** Extra level on weekdays (Mon–Fri) versus weekends. */
  weekday?: number;
  /** Added per step. */
  trend?: number;
  noise?: number;
  /** Probability of a one-point spike of +spikeSize. */
  spikeRate?: number;
  spikeSize?: number;
}

/** level + daily sine + weekday bump + trend + Gaussian noise + rare spikes, on a regular grid. */
export function syntheticSeries(options: SyntheticOptions): { timestamps: number[]; values: number[] } {
  const random = seededRandom(options.seed);
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < options.points; i++) {
    const t = START + i * options.stepMs;
    const dayFraction = (t % DAY) / DAY;
    const weekday = new Date(t).getUTCDay() % 6 !== 0;
    let value = (options.level ?? 100) + (options.daily ?? 0) * Math.sin(2 * Math.PI * dayFraction);
    value += weekday ? (options.weekday ?? 0) : 0;
    value += (options.trend ?? 0) * i + (options.noise ?? 0) * normal(random);
    if (random() < (options.spikeRate ?? 0)) value += options.spikeSize ?? 0;
    timestamps.push(t);
    values.push(value);
  }
  return { timestamps, values };
}

/** Mean absolute error between two equal-length arrays. */
export function mae(actual: readonly number[], predicted: readonly number[]): number {
  return actual.reduce((sum, value, i) => sum + Math.abs(value - predicted[i]), 0) / actual.length;
}
