import { normalCdf } from './normal-cdf.js';

/**
 * One-sided Mann–Whitney U test of H₁: values in `after` tend to be larger than in `before`.
 *
 * Rank the pooled n₁ + n₂ = N values (ties get their average rank); R₂ = sum of `after`'s ranks;
 *   U = R₂ − n₂(n₂ + 1)/2,  μ = n₁n₂/2,
 *   σ² = n₁n₂/12 · [(N + 1) − Σ(tᵢ³ − tᵢ) / (N(N − 1))]   (tᵢ = size of each tie group),
 *   z = (U − μ − ½) / σ   (continuity correction),  p = 1 − Φ(z).
 * The normal approximation is used, so each sample needs at least MIN_SAMPLES values; when σ = 0
 * (every value equal) there is no evidence of a shift and p = 1.
 *
 * @example mannWhitneyGreater([1,2,3,4,5,6,7,8], [11,12,13,14,15,16,17,18]).pValue < 0.001
 */
export const MIN_SAMPLES = 8;

export interface MannWhitneyResult {
  u: number;
  z: number;
  pValue: number;
}

function averageRanks(values: number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k += 1) ranks[order[k].index] = rank;
    const ties = end - start + 1;
    tieTerm += ties ** 3 - ties;
    start = end + 1;
  }
  return { ranks, tieTerm };
}

export function mannWhitneyGreater(before: number[], after: number[]): MannWhitneyResult {
  if (before.length < MIN_SAMPLES || after.length < MIN_SAMPLES) {
    throw new RangeError(`Mann–Whitney U needs at least ${MIN_SAMPLES} values per sample, got ${before.length} and ${after.length}.`);
  }
  if ([...before, ...after].some((value) => !Number.isFinite(value))) throw new RangeError('Mann–Whitney U needs finite values.');
  const n1 = before.length;
  const n2 = after.length;
  const n = n1 + n2;
  const { ranks, tieTerm } = averageRanks([...before, ...after]);
  const rankSumAfter = ranks.slice(n1).reduce((sum, rank) => sum + rank, 0);
  const u = rankSumAfter - (n2 * (n2 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, z: 0, pValue: 1 };
  const z = (u - mean - 0.5) / Math.sqrt(variance);
  return { u, z, pValue: 1 - normalCdf(z) };
}
