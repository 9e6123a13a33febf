/**
 * Maximum of the last `size` values pushed, in amortised O(1) per push (monotonic deque: values that can
 * never be the maximum again — older and not larger than a newer one — are dropped).
 */
export class SlidingMax {
  private readonly values: Float64Array;
  private readonly ages: Float64Array;
  /** Ring capacity, a power of two ≥ size + 1, so positions wrap with a bit mask. */
  private readonly mask: number;
  private head = 0;
  private tail = 0;
  private pushed = 0;

  constructor(private readonly size: number) {
    const capacity = 2 ** Math.ceil(Math.log2(size + 1));
    this.values = new Float64Array(capacity);
    this.ages = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  /** Largest of the last `size` values pushed, or −∞ when none was. */
  max(): number {
    return this.head === this.tail ? Number.NEGATIVE_INFINITY : this.values[this.head];
  }

  push(value: number): void {
    const mask = this.mask;
    while (this.head !== this.tail && this.values[(this.tail - 1) & mask] <= value) this.tail = (this.tail - 1) & mask;
    this.values[this.tail] = value;
    this.ages[this.tail] = this.pushed;
    this.tail = (this.tail + 1) & mask;
    this.pushed++;
    if (this.ages[this.head] <= this.pushed - 1 - this.size) this.head = (this.head + 1) & mask;
  }
}
