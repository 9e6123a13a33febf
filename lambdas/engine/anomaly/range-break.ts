/**
 * How far each value breaks out of the range [min, max] of the `memory` values before it, as a fraction of that
 * range, widened by `margins[i]` on each side: (x − max) / (max − min) above it, (min − x) / (max − min) below it,
 * 0 inside (and 0 for the first value, which has no range yet). A series that reaches a level it has not shown for
 * weeks is the plainest anomaly there is (Numenta's HTM detector flags the same "spatial anomaly"). A constant range
 * broken by any change counts as +∞. Written to `out`.
 *
 * The window maxima come from van Herk's and Gil & Werman's algorithm (1992/1993): cut the series into blocks of
 * `memory` values, keep each position's maximum from the start of its block (prefix) and to the end of its block
 * (suffix); the `memory` values before i then span at most two blocks and
 *   max(x[i−W] … x[i−1]) = max(suffix[i−W], prefix[i−1])        (W = memory)
 * — three comparisons a value, with no data-dependent loop (a monotonic deque's pops mispredict on noisy data).
 * suffix[i−W] reads only up to the end of its block, which is i − 1 at the latest: the result stays causal.
 */
export function rangeBreakouts(values: Float64Array, memory: number, margins: Float64Array, out: Float64Array): void {
  const n = values.length;
  const highs = windowMaxima(values, memory, 1);
  const lows = windowMaxima(values, memory, -1);
  if (n > 0) out[0] = 0;
  for (let i = 1; i < n; i++) {
    const x = values[i];
    const max = highs[i] + margins[i];
    const min = -lows[i] - margins[i];
    const outside = x > max ? x - max : x < min ? min - x : 0;
    const range = max - min;
    out[i] = outside === 0 ? 0 : range > 0 ? outside / range : Number.POSITIVE_INFINITY;
  }
}

/** For each i ≥ 1, the maximum of sign · x over the `memory` values before i (position 0 is left −∞). */
function windowMaxima(values: Float64Array, memory: number, sign: 1 | -1): Float64Array {
  const n = values.length;
  const prefix = new Float64Array(n);
  const suffix = new Float64Array(n);
  for (let start = 0; start < n; start += memory) {
    const end = Math.min(n, start + memory);
    let running = Number.NEGATIVE_INFINITY;
    for (let j = start; j < end; j++) {
      const x = sign * values[j];
      running = x > running ? x : running;
      prefix[j] = running;
    }
    running = Number.NEGATIVE_INFINITY;
    for (let j = end - 1; j >= start; j--) {
      const x = sign * values[j];
      running = x > running ? x : running;
      suffix[j] = running;
    }
  }
  const maxima = new Float64Array(n);
  if (n > 0) maxima[0] = Number.NEGATIVE_INFINITY;
  for (let i = 1; i < n; i++) {
    const before = prefix[i - 1];
    maxima[i] = i < memory ? before : Math.max(suffix[i - memory], before);
  }
  return maxima;
}
