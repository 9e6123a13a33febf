/**
 * What a series looked like at the same time one season (or several) ago, kept so the detector can ask "did this
 * series already do this at this time yesterday?" (a nightly batch job's spike is not an anomaly) and "is this far
 * from what this time of day usually looks like?".
 *
 * Values are kept as the low and high of time buckets of `bucketMs` (bucket b holds the times in [b·B, (b+1)·B)), in a
 * ring covering `retentionMs`. The range one period before t is the low/high over the bucket of t − period and
 * `radius` buckets on each side: with 20-minute buckets and a radius of 3, about ±1 h around the same time.
 * `add` and `rangeAt` are O(1) and O(2·radius + 1): no search, no per-value storage, whatever the step.
 * Timestamps are expected in non-decreasing order (a repeated timestamp is fine).
 */
export class SeasonalHistory {
  private readonly buckets: Float64Array;
  private readonly lows: Float64Array;
  private readonly highs: Float64Array;
  private readonly mask: number;

  /** Lowest and highest value found by the last `rangeAt` (±∞ when it found none). */
  low = Number.POSITIVE_INFINITY;
  high = Number.NEGATIVE_INFINITY;

  constructor(retentionMs: number, private readonly bucketMs: number, private readonly radius: number) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.ceil(retentionMs / bucketMs) + 2 * radius + 2));
    this.buckets = new Float64Array(capacity).fill(Number.NaN);
    this.lows = new Float64Array(capacity);
    this.highs = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  add(t: number, value: number): void {
    const bucket = Math.floor(t / this.bucketMs);
    const at = bucket & this.mask;
    if (this.buckets[at] !== bucket) {
      this.buckets[at] = bucket;
      this.lows[at] = value;
      this.highs[at] = value;
    } else if (value < this.lows[at]) {
      this.lows[at] = value;
    } else if (value > this.highs[at]) {
      this.highs[at] = value;
    }
  }

  /**
   * Finds the range [low, high] of the values in the buckets around t − period; false (and an empty range) when
   * none of them holds a value.
   */
  rangeAt(t: number, period: number): boolean {
    const centre = Math.floor((t - period) / this.bucketMs);
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let bucket = centre - this.radius; bucket <= centre + this.radius; bucket++) {
      const at = bucket & this.mask;
      if (this.buckets[at] !== bucket) continue;
      if (this.lows[at] < min) min = this.lows[at];
      if (this.highs[at] > max) max = this.highs[at];
    }
    this.low = min;
    this.high = max;
    return max !== Number.NEGATIVE_INFINITY;
  }
}
