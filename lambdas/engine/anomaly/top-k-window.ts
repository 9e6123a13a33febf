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

  constructor(private readonly k: number, private readonly blockSize: number, private readonly blocks: number) {
    this.current = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
    this.completedTop = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  }

  /** Number of values currently in the window. */
  get size(): number {
    return this.completed.length * this.blockSize + this.inBlock;
  }

  /** The `order`-th largest value in the window, 1 ≤ order ≤ k (−∞ while fewer values were pushed). */
  kth(order = this.k): number {
    // Merge the two descending lists just far enough to reach the k-th element.
    let i = 0;
    let j = 0;
    let value = Number.NEGATIVE_INFINITY;
    for (let n = 0; n < order; n++) {
      if (this.current[i] >= this.completedTop[j]) value = this.current[i++];
      else value = this.completedTop[j++];
    }
    return value;
  }

  push(value: number): void {
    insertDescending(this.current, value);
    if (++this.inBlock < this.blockSize) return;
    this.completed.push(this.current);
    if (this.completed.length >= this.blocks) this.completed.shift();
    this.current = new Float64Array(this.k).fill(Number.NEGATIVE_INFINITY);
    this.inBlock = 0;
    this.completedTop.fill(Number.NEGATIVE_INFINITY);
    for (const block of this.completed) for (const v of block) insertDescending(this.completedTop, v);
  }
}

/** Inserts `value` into a descending fixed-length list if it belongs there, dropping the smallest. */
function insertDescending(list: Float64Array, value: number): void {
  let at = list.length - 1;
  if (!(value > list[at])) return;
  while (at > 0 && list[at - 1] < value) {
    list[at] = list[at - 1];
    at--;
  }
  list[at] = value;
}
