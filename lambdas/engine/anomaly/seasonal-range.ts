import { FloatPairDeque } from './float-deque.js';

/**
 * The range [min, max] of the values seen one season ago, give or take a tolerance: the values whose
 * timestamps lie in [t − period − tolerance, t − period + tolerance]. A value inside that range is
 * something this series already did at this time of day (or week), like a nightly batch job.
 *
 * Values wait in a queue until their time comes into the window; min and max are monotonic deques
 * (amortised O(1) per value). Timestamps are expected in non-decreasing order; a step back in time
 * only delays admission.
 */
export class SeasonalRange {
  private readonly pending = new FloatPairDeque();
  private readonly maxima = new FloatPairDeque();
  private readonly minima = new FloatPairDeque();

  constructor(private readonly periodMs: number, private readonly toleranceMs: number) {}

  /**
   * Whether x lies within last season's range around time t, widened on each side by `slack` times the
   * range's width. False when nothing is known about last season.
   */
  contains(t: number, x: number, slack: number): boolean {
    if (!this.advanceTo(t)) return false;
    const max = this.maxima.frontValue();
    const min = this.minima.frontValue();
    const widen = slack * (max - min);
    return x >= min - widen && x <= max + widen;
  }

  /** Moves the window to time t; returns whether it holds any value. */
  private advanceTo(t: number): boolean {
    const from = t - this.periodMs - this.toleranceMs;
    const to = t - this.periodMs + this.toleranceMs;
    while (this.pending.length > 0 && this.pending.frontTime() <= to) {
      this.admit(this.pending.frontTime(), this.pending.frontValue());
      this.pending.popFront();
    }
    while (this.maxima.length > 0 && this.maxima.frontTime() < from) this.maxima.popFront();
    while (this.minima.length > 0 && this.minima.frontTime() < from) this.minima.popFront();
    return this.maxima.length > 0;
  }

  /** Queues a value seen at time t; it joins the range one season later. */
  add(t: number, value: number): void {
    this.pending.pushBack(t, value);
  }

  private admit(t: number, value: number): void {
    while (this.maxima.length > 0 && this.maxima.backValue() <= value) this.maxima.popBack();
    this.maxima.pushBack(t, value);
    while (this.minima.length > 0 && this.minima.backValue() >= value) this.minima.popBack();
    this.minima.pushBack(t, value);
  }
}
