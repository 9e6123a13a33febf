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
    if (n === 5) return medianOfFive(this.ring[0], this.ring[1], this.ring[2], this.ring[3], this.ring[4]);
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

/**
 * Median of five numbers with six min/max exchanges (no array writes): the hot path of the spike view.
 * Sort (a, b) and (c, d); the smaller of the two minima and the larger of the two maxima cannot be the
 * median, and the median of the remaining three with e is found from two more exchanges.
 */
function medianOfFive(a: number, b: number, c: number, d: number, e: number): number {
  const lowAB = Math.min(a, b);
  const highAB = Math.max(a, b);
  const lowCD = Math.min(c, d);
  const highCD = Math.max(c, d);
  // Drop the overall smaller of the pair minima: it has at least three values above it.
  let x: number;
  let y: number;
  let z: number;
  if (lowAB < lowCD) {
    x = highAB;
    y = lowCD;
    z = highCD;
  } else {
    x = highCD;
    y = lowAB;
    z = highAB;
  }
  // Remaining: x (unpaired), y ≤ z, and e. The median of all five is the 2nd smallest of {x, y, z, e}.
  const lowXE = Math.min(x, e);
  const highXE = Math.max(x, e);
  // Second smallest of two sorted pairs (lowXE ≤ highXE) and (y ≤ z).
  return lowXE < y ? Math.min(highXE, y) : Math.min(lowXE, z);
}
