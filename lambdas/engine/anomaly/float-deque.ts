/**
 * A double-ended queue of (time, value) pairs in growable typed-array rings: no per-item allocation,
 * which matters at tens of millions of points per run.
 */
export class FloatPairDeque {
  private times = new Float64Array(64);
  private values = new Float64Array(64);
  private mask = 63;
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  frontTime(): number {
    return this.times[this.head];
  }

  frontValue(): number {
    return this.values[this.head];
  }

  backValue(): number {
    return this.values[(this.head + this.count - 1) & this.mask];
  }

  pushBack(time: number, value: number): void {
    if (this.count > this.mask) this.grow();
    const at = (this.head + this.count) & this.mask;
    this.times[at] = time;
    this.values[at] = value;
    this.count++;
  }

  popFront(): void {
    this.head = (this.head + 1) & this.mask;
    this.count--;
  }

  popBack(): void {
    this.count--;
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
