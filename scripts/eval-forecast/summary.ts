/** What a summary line needs of a holdout score. */
export interface Scored {
  ratio: number;
  covered: number;
  scored: number;
}

export interface Summary {
  series: number;
  /** exp(mean ln ratio) over the series whose ratio is finite and positive. */
  geometricMeanRatio: number;
  /** Series left out of the geometric mean (ratio 0 or ∞ has no logarithm). */
  excluded: number;
  medianRatio: number;
  /** Pooled: Σ covered / Σ scored. */
  coverage: number;
}

export function summarise(scores: readonly Scored[]): Summary {
  const finite = scores.filter((score) => Number.isFinite(score.ratio) && score.ratio > 0);
  const geometricMeanRatio = Math.exp(finite.reduce((sum, score) => sum + Math.log(score.ratio), 0) / finite.length);
  const coverage = scores.reduce((sum, score) => sum + score.covered, 0) / scores.reduce((sum, score) => sum + score.scored, 0);
  const ratios = scores.map((score) => score.ratio).sort((a, b) => a - b);
  const middle = ratios.length >> 1;
  const medianRatio = ratios.length % 2 === 1 ? ratios[middle] : (ratios[middle - 1] + ratios[middle]) / 2;
  return { series: scores.length, geometricMeanRatio, excluded: scores.length - finite.length, medianRatio, coverage };
}

/** Targets the summary is checked against: ratio ≤ 0.85, coverage of the 80 % interval within 75–85 %. */
export const TARGET_RATIO = 0.85;
export const TARGET_COVERAGE: readonly [number, number] = [0.75, 0.85];

export function formatSummary(label: string, summary: Summary): string {
  const note = summary.excluded > 0 ? ` (${summary.excluded} with ratio 0 or ∞ left out)` : '';
  const ratioOk = summary.geometricMeanRatio <= TARGET_RATIO;
  const coverageOk = summary.coverage >= TARGET_COVERAGE[0] && summary.coverage <= TARGET_COVERAGE[1];
  return (
    `${label.padEnd(34)} ${String(summary.series).padStart(3)} series  MAE ratio ${summary.geometricMeanRatio.toFixed(3)}${ratioOk ? ' ' : '!'}` +
    ` (median ${summary.medianRatio.toFixed(3)})  coverage80 ${(100 * summary.coverage).toFixed(1)}%${coverageOk ? ' ' : '!'}${note}`
  );
}
