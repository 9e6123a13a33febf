/**
 * Maximum of the last `size` values pushed, in amortised O(1) per push (monotonic deque: values that can
 * never be the maximum again — older and not larger than a newer one — are dropped).
 */
export class SlidingMax {
  private readonly values: Float64Array;
  /** Push number of each deque entry, to expire it once it is `size` pushes old. */
  private readonly stamps: Int32Array;
  /** Ring capacity, a power of two ≥ size + 1, so positions wrap with a bit mask. */
  private readonly mask: number;
  private head = 0;
  private tail = 0;
  private pushed = 0;

  constructor(private readonly size: number) {
    const capacity = 2 ** Math.ceil(Math.log2(size + 1));
    this.values = new Float64Array(capacity);
    this.stamps = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Largest of the last `size` values pushed, or −∞ when none was. */
  max(): number {
    return this.head === this.tail ? Number.NEGATIVE_INFINITY : this.values[this.head];
  }

  push(value: number): void {
    const { mask, values } = this;
    const head = this.head;
    let tail = this.tail;
    while (tail !== head && values[(tail - 1) & mask] <= value) tail = (tail - 1) & mask;
    values[tail] = value;
    this.stamps[tail] = this.pushed;
    this.tail = (tail + 1) & mask;
    // Wraps after 2^31 pushes per series, far beyond any series the product keeps.
    this.pushed = (this.pushed + 1) | 0;
    if (this.pushed - this.stamps[head] > this.size) this.head = (head + 1) & mask;
  }
}
