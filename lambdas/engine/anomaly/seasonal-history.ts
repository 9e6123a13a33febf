/**
 * What a series looked like at the same time one season (or several) ago, kept so the detector can ask "did this
 * series already do this at this time yesterday?" (a nightly batch job's spike is not an anomaly) and "is this far
 * from what this time of day usually looks like?".
 *
 * Values are kept as the low and high of time buckets of `bucketMs` (bucket b holds the times in [b·B, (b+1)·B)), in a
 * ring covering `retentionMs`. The range one period before t is the low/high over the bucket of t − period and
 * `radius` buckets on each side: with 20-minute buckets and a radius of 3, about ±1 h around the same time.
 * `add` and `rangeAt` are O(1) and O(2·radius + 1): no search, no per-value storage, whatever the step.
 *
 * A `rangeAt` given a cache slot remembers its answer for that slot: the next call with the same centre bucket
 * returns it without a scan, provided every bucket it covered was already closed (older than the newest bucket) when
 * it was computed — closed buckets never change while timestamps arrive in order. At a 5-minute step and 20-minute
 * buckets that is one scan in four. A timestamp older than the newest one (out of order) drops every cached answer.
 */
export class SeasonalHistory {
  private readonly buckets: Float64Array;
  private readonly lows: Float64Array;
  private readonly highs: Float64Array;
  private readonly mask: number;
  private newestBucket = Number.NEGATIVE_INFINITY;
  /** Per cache slot: the centre bucket answered (NaN: nothing cached), and its low and high. */
  private readonly cachedCentres: Float64Array;
  private readonly cachedLows: Float64Array;
  private readonly cachedHighs: Float64Array;

  /** Lowest and highest value found by the last `rangeAt` (±∞ when it found none). */
  low = Number.POSITIVE_INFINITY;
  high = Number.NEGATIVE_INFINITY;

  constructor(retentionMs: number, private readonly bucketMs: number, private readonly radius: number, cacheSlots = 0) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.ceil(retentionMs / bucketMs) + 2 * radius + 2));
    this.buckets = new Float64Array(capacity).fill(Number.NaN);
    this.lows = new Float64Array(capacity);
    this.highs = new Float64Array(capacity);
    this.mask = capacity - 1;
    this.cachedCentres = new Float64Array(cacheSlots).fill(Number.NaN);
    this.cachedLows = new Float64Array(cacheSlots);
    this.cachedHighs = new Float64Array(cacheSlots);
  }

  add(t: number, value: number): void {
    const bucket = Math.floor(t / this.bucketMs);
    if (bucket > this.newestBucket) this.newestBucket = bucket;
    else if (bucket < this.newestBucket) this.cachedCentres.fill(Number.NaN);
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
   * none of them holds a value. `slot` (0 ≤ slot < cacheSlots) names the cache entry to use, one per period.
   */
  rangeAt(t: number, period: number, slot = -1): boolean {
    const centre = Math.floor((t - period) / this.bucketMs);
    if (slot >= 0 && this.cachedCentres[slot] === centre) {
      this.low = this.cachedLows[slot];
      this.high = this.cachedHighs[slot];
      return this.high !== Number.NEGATIVE_INFINITY;
    }
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
    if (slot >= 0 && centre + this.radius < this.newestBucket) {
      this.cachedCentres[slot] = centre;
      this.cachedLows[slot] = min;
      this.cachedHighs[slot] = max;
    }
    return max !== Number.NEGATIVE_INFINITY;
  }
}
