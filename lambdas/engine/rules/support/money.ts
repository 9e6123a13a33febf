/** Rounds USD to cents for findings (prices are per hour with 4–6 decimals; reports show cents). */
export function roundUsd(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Rounds a derived statistic for evidence to `digits` decimals. */
export function roundTo(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
