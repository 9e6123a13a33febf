/**
 * Median of the last five values pushed: a local level that ignores a one- or two-point spike yet follows a
 * level shift after three observations. Five plain fields and a branch-free selection instead of an
 * array sort, because the spike view asks for it at every observation.
 */
export class MedianOfFive {
  private v0 = 0;
  private v1 = 0;
  private v2 = 0;
  private v3 = 0;
  private v4 = 0;
  private count = 0;

  /** True once five values were pushed (before that `median` is not defined). */
  get filled(): boolean {
    return this.count >= 5;
  }

  /** Median of the last five values (meaningful once `filled`). */
  median(): number {
    return medianOfFive(this.v0, this.v1, this.v2, this.v3, this.v4);
  }

  push(value: number): void {
    // The slot of the oldest value is count mod 5.
    switch (this.count % 5) {
      case 0: this.v0 = value; break;
      case 1: this.v1 = value; break;
      case 2: this.v2 = value; break;
      case 3: this.v3 = value; break;
      default: this.v4 = value;
    }
    this.count = this.count >= 9 ? this.count - 4 : this.count + 1; // stays in 5..9 once filled (no overflow)
  }
}

/**
 * Median of five numbers from min/max only (no data-dependent branches, which noisy data would keep
 * mispredicting):
 *   median(a, b, c, d, e) = median3(e, max(min(a, b), min(c, d)), min(max(a, b), max(c, d)))
 * — the larger of the two pair minima and the smaller of the two pair maxima bracket the middle of
 * {a, b, c, d}, and e decides which of them (or e itself) is the middle of all five.
 * median3(x, y, z) = max(min(x, y), min(max(x, y), z)).
 */
export function medianOfFive(a: number, b: number, c: number, d: number, e: number): number {
  const x = Math.max(Math.min(a, b), Math.min(c, d));
  const y = Math.min(Math.max(a, b), Math.max(c, d));
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), e));
}
