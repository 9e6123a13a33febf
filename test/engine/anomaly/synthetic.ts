/** Deterministic test series: a seeded linear congruential generator, so every run sees the same data. */
export function seededNoise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Approximately standard normal values (sum of 12 uniforms − 6). */
export function gaussianSeries(length: number, seed: number): number[] {
  const uniform = seededNoise(seed);
  return Array.from({ length }, () => {
    let sum = 0;
    for (let k = 0; k < 12; k++) sum += uniform();
    return sum - 6;
  });
}

/** Points every 5 minutes from 2024-01-01T00:00Z. */
export function toPoints(values: readonly (number | null)[], stepMs = 300_000): { timestamp: number; value: number | null }[] {
  const start = Date.UTC(2024, 0, 1);
  return values.map((value, index) => ({ timestamp: start + index * stepMs, value }));
}
