/**
 * The values of the last season (plus a tolerance), kept so the detector can ask "did this series
 * already do this at this time yesterday?" — a nightly batch job's spike is not an anomaly.
 *
 * `add` is O(1) amortised (a growable typed-array ring, trimmed to one season + tolerance);
 * `rangeAt` and `seenBefore` are O(log n + k) for the k values in the tolerance window (25 at a 5-minute step
 * and a one-hour tolerance).
 * Timestamps are expected in non-decreasing order (a repeated timestamp is fine).
 */
export class SeasonalHistory {
  private times = new Float64Array(256);
  private values = new Float64Array(256);
  private mask = 255;
  private head = 0;
  private count = 0;

  constructor(private readonly periodMs: number, private readonly toleranceMs: number) {}

  /** Number of values currently kept (one season plus tolerance). */
  get retained(): number {
    return this.count;
  }

  add(t: number, value: number): void {
    const oldest = t - this.periodMs - this.toleranceMs;
    while (this.count > 0 && this.times[this.head] < oldest) {
      this.head = (this.head + 1) & this.mask;
      this.count--;
    }
    if (this.count > this.mask) this.grow();
    const at = (this.head + this.count) & this.mask;
    this.times[at] = t;
    this.values[at] = value;
    this.count++;
  }

  /** Lowest and highest value found by the last `rangeAt` (±∞ when it found none). */
  low = Number.POSITIVE_INFINITY;
  high = Number.NEGATIVE_INFINITY;

  /**
   * Finds the range [low, high] of the values seen in [t − period − tolerance, t − period + tolerance]; false (and
   * an empty range) when no value was seen then.
   */
  rangeAt(t: number): boolean {
    const from = this.firstAtOrAfter(t - this.periodMs - this.toleranceMs);
    const to = t - this.periodMs + this.toleranceMs;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = from; i < this.count; i++) {
      const at = (this.head + i) & this.mask;
      if (this.times[at] > to) break;
      const value = this.values[at];
      if (value < min) min = value;
      if (value > max) max = value;
    }
    this.low = min;
    this.high = max;
    return max !== Number.NEGATIVE_INFINITY;
  }

  /**
   * Whether x lies within the range of the values seen one period before t (`rangeAt`), widened on each side by
   * `slack` times the range's width. False when no value was seen then.
   */
  seenBefore(t: number, x: number, slack: number): boolean {
    if (!this.rangeAt(t)) return false;
    const widen = slack * (this.high - this.low);
    return x >= this.low - widen && x <= this.high + widen;
  }

  /** Position (0 = oldest kept) of the first value with time ≥ t, by binary search. */
  private firstAtOrAfter(t: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.times[(this.head + middle) & this.mask] < t) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private grow(): void {
    const capacity = (this.mask + 1) * 2;
    const times = new Float64Array(capacity);
    const values = new Float64Array(capacity);
    for (let i = 0; i < this.count; i++) {
      times[i] = this.times[(this.head + i) & this.mask];
      values[i] = this.values[(this.head + i) & this.mask];
    }
    this.times = times;
    this.values = values;
    this.mask = capacity - 1;
    this.head = 0;
  }
}
