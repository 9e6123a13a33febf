import type { SeriesExcerpt } from '../../types/action.js';

/** Evidence excerpts are capped at 96 points (one a quarter-hour over a day, one every 3.5 h over 14 days). */
export const MAX_EXCERPT_POINTS = 96;

/**
 * Downsamples to at most `maxPoints` by splitting the points into equal consecutive buckets and keeping, per bucket,
 * the first timestamp and the bucket's max (`'max'`, keeps the peaks that decide sizing) or mean (`'mean'`).
 */
export function downsample(
  timestamps: readonly number[],
  values: readonly number[],
  mode: 'max' | 'mean' = 'max',
  maxPoints = MAX_EXCERPT_POINTS,
): { timestamps: number[]; values: number[] } {
  const n = values.length;
  if (n <= maxPoints) return { timestamps: [...timestamps], values: [...values] };
  const outT: number[] = [];
  const outV: number[] = [];
  for (let b = 0; b < maxPoints; b++) {
    const from = Math.floor((b * n) / maxPoints);
    const to = Math.floor(((b + 1) * n) / maxPoints);
    let acc = mode === 'max' ? -Infinity : 0;
    for (let i = from; i < to; i++) acc = mode === 'max' ? Math.max(acc, values[i]) : acc + values[i];
    outT.push(timestamps[from]);
    outV.push(mode === 'max' ? acc : acc / (to - from));
  }
  return { timestamps: outT, values: outV };
}

/** A series excerpt for evidence, values rounded to 3 decimals to keep findings small. */
export function excerpt(
  metric: string,
  stat: string,
  unit: string | undefined,
  timestamps: readonly number[],
  values: readonly number[],
  mode: 'max' | 'mean' = 'max',
): SeriesExcerpt {
  const d = downsample(timestamps, values, mode);
  return { metric, stat, unit, timestamps: d.timestamps, values: d.values.map((v) => Math.round(v * 1000) / 1000) };
}
