/**
 * The k-th largest of (roughly) the last `blocks × blockSize` values pushed, in O(k) per push.
 * Values are grouped in blocks of `blockSize`; each block keeps only its own k largest, so the k-th
 * largest of the window is the k-th largest of the union of those short lists. The window therefore
 * slides a block at a time: it covers between (blocks − 1) · blockSize and blocks · blockSize values.
 * An order statistic instead of the maximum, so a handful of extreme values (one incident) does not
 * redefine "normal" for the whole window.
 */
export class TopKWindow {
  /** k largest of the current (incomplete) block, descending, padded with −∞. */
  private current: Float64Array;
  /** k largest of each completed block still in the window (ring). */
  private readonly completed: Float64Array[] = [];
  /** k largest over all completed blocks in the window, descending. */
  private completedTop: Float64Array;
  private inBlock = 0;
  /** Last answer of `kth` and the order it was for; NaN once a push may have changed it. */
  private cachedValue = Number.NaN;
  private cachedOrder = 0;

  constructor(private readonly k: number, private readonly blockSize: number, private readonly blocks: number) {
    this.current = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
    this.completedTop = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  }

  /** Number of values currently in the window. */
  get size(): number {
    return this.completed.length * this.blockSize + this.inBlock;
  }

  /**
   * A cheap lower bound on `kth(order)` (no merge): the `order`-th largest of either list alone. A value
   * at or below it is certainly not above the order statistic.
   */
  lowerBound(order = this.k): number {
    return Math.max(this.current[order - 1], this.completedTop[order - 1]);
  }

  /** The `order`-th largest value in the window, 1 ≤ order ≤ k (−∞ while fewer values were pushed). */
  kth(order = this.k): number {
    if (order === this.cachedOrder && !Number.isNaN(this.cachedValue)) return this.cachedValue;
    // Merge the two descending lists just far enough to reach the k-th element.
    let i = 0;
    let j = 0;
    let value = Number.NEGATIVE_INFINITY;
    for (let n = 0; n < order; n++) {
      if (this.current[i] >= this.completedTop[j]) value = this.current[i++];
      else value = this.completedTop[j++];
    }
    this.cachedOrder = order;
    this.cachedValue = value;
    return value;
  }

  /**
   * Writes the `order` largest values in the window, descending, into `out` (−∞ where fewer were pushed): one merge
   * instead of `order` calls to `kth`.
   */
  top(out: Float64Array, order = this.k): void {
    let i = 0;
    let j = 0;
    for (let n = 0; n < order; n++) out[n] = this.current[i] >= this.completedTop[j] ? this.current[i++] : this.completedTop[j++];
  }

  /** Adds a value; true when an order statistic may have changed (most values change none). */
  push(value: number): boolean {
    let changed = false;
    if (value > this.current[this.k - 1]) {
      insertDescending(this.current, value);
      this.cachedValue = Number.NaN;
      changed = true;
    }
    if (++this.inBlock === this.blockSize) {
      this.completeBlock();
      changed = true;
    }
    return changed;
  }

  /** Kept out of `push` so the common path stays small enough to inline. */
  private completeBlock(): void {
    this.cachedValue = Number.NaN;
    this.completed.push(this.current);
    if (this.completed.length >= this.blocks) this.completed.shift();
    this.current = new Float64Array(this.k).fill(Number.NEGATIVE_INFINITY);
    this.inBlock = 0;
    const top = this.completedTop;
    top.fill(Number.NEGATIVE_INFINITY);
    for (let b = 0; b < this.completed.length; b++) {
      const block = this.completed[b];
      // Each block is descending: once a value does not enter the top list, the rest of the block will not.
      for (let i = 0; i < block.length && block[i] > top[top.length - 1]; i++) insertDescending(top, block[i]);
    }
  }
}

/** Inserts `value` into a descending fixed-length list if it belongs there, dropping the smallest; true if inserted. */
function insertDescending(list: Float64Array, value: number): boolean {
  let at = list.length - 1;
  if (!(value > list[at])) return false;
  while (at > 0 && list[at - 1] < value) {
    list[at] = list[at - 1];
    at--;
  }
  list[at] = value;
  return true;
}
