/**
 * Fills NaN slots in place so models see a complete series:
 * - a gap of at most `seasonPeriod` slots with data on both sides is interpolated linearly,
 *   `y[t] = y[a] + (t − a)·(y[b] − y[a])/(b − a)` for the last valid a before and first valid b after;
 * - a longer gap copies the value one season earlier when that is known (keeps the daily shape
 *   through an outage), else falls back to the linear interpolation;
 * - leading gaps take the first observed value, trailing gaps the last one.
 * Returns the number of observed (non-NaN) slots; 0 means nothing could be filled.
 */
export function fillGaps(values: Float64Array, seasonPeriod?: number): number {
  const length = values.length;
  let observed = 0;
  for (let index = 0; index < length; index++) if (!Number.isNaN(values[index])) observed++;
  if (observed === 0 || observed === length) return observed;
  let previous = -1;
  for (let index = 0; index <= length; index++) {
    if (index < length && Number.isNaN(values[index])) continue;
    const gapStart = previous + 1;
    if (index > gapStart) fillOneGap(values, previous, index, seasonPeriod);
    previous = index;
  }
  return observed;
}

function fillOneGap(values: Float64Array, before: number, after: number, seasonPeriod?: number): void {
  const length = values.length;
  if (before < 0) {
    values.fill(values[after], 0, after);
    return;
  }
  if (after >= length) {
    values.fill(values[before], before + 1, length);
    return;
  }
  const span = after - before;
  const longGap = seasonPeriod !== undefined && span - 1 > seasonPeriod;
  for (let slot = before + 1; slot < after; slot++) {
    const seasonal = longGap && seasonPeriod !== undefined && slot - seasonPeriod >= 0 ? values[slot - seasonPeriod] : Number.NaN;
    values[slot] = Number.isNaN(seasonal)
      ? values[before] + ((slot - before) * (values[after] - values[before])) / span
      : seasonal;
  }
}
