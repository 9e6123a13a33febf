/**
 * Median of the last `size` values pushed (size small and odd, e.g. 5): a local level that ignores a
 * one- or two-point spike yet follows a level shift within ⌈size/2⌉ observations. O(size²) per query,
 * a handful of comparisons for the sizes used.
 */
export class MedianOfRecent {
  private readonly ring: Float64Array;
  private readonly scratch: Float64Array;
  private count = 0;
  private at = 0;

  constructor(private readonly size: number) {
    this.ring = new Float64Array(size);
    this.scratch = new Float64Array(size);
  }

  get filled(): boolean {
    return this.count >= this.size;
  }

  /** Median of the values held (NaN when none). */
  median(): number {
    const n = Math.min(this.count, this.size);
    if (n === 0) return Number.NaN;
    const s = this.scratch;
    for (let i = 0; i < n; i++) {
      const v = this.ring[i];
      let j = i;
      while (j > 0 && s[j - 1] > v) {
        s[j] = s[j - 1];
        j--;
      }
      s[j] = v;
    }
    return n % 2 === 1 ? s[(n - 1) >> 1] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  push(value: number): void {
    this.ring[this.at] = value;
    this.at = (this.at + 1) % this.size;
    this.count++;
  }
}
