/**
 * Ensemble weights from backtest errors: the models whose backtest MAE is within `tolerance`
 * of the best (MAE ≤ best·(1 + tolerance)), at most `maxMembers` of them, averaged with equal
 * weights. Equal-weight averaging of a few good forecasts is hard to beat (the "forecast
 * combination puzzle", Smith & Wallis 2009) and is steadier than picking one on a short backtest.
 * Returns one weight per model, summing to 1.
 */
export function combinationWeights(errors: readonly number[], tolerance: number, maxMembers: number): number[] {
  const ranked = errors.map((error, index) => ({ error, index })).filter(({ error }) => Number.isFinite(error));
  ranked.sort((a, b) => a.error - b.error);
  const best = ranked[0]?.error ?? 0;
  const members = ranked.filter(({ error }) => error <= best * (1 + tolerance) + 1e-12).slice(0, maxMembers);
  const weights = errors.map(() => 0);
  for (const { index } of members) weights[index] = 1 / members.length;
  return weights;
}

/** out[i] = Σ_m weights[m]·vectors[m][i] over the first `length` slots. */
export function weightedSum(vectors: readonly Float64Array[], weights: readonly number[], length: number, out: Float64Array): void {
  out.fill(0, 0, length);
  vectors.forEach((vector, m) => {
    const weight = weights[m];
    if (weight === 0) return;
    for (let i = 0; i < length; i++) out[i] += weight * vector[i];
  });
}
