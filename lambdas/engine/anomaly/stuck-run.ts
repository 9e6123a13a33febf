import { SlidingMax } from './sliding-max.js';

/**
 * A signal that stops: the series has repeated exactly the same value for longer than any such run of
 * the last `memory` observations (by the fraction `margin`), and for at least `minimumRun` observations.
 * A stalled process, a disk that stops writing, a collector that keeps resending the last value.
 *
 *   run_t     = number of consecutive observations equal to x_t, ending at t (1 for a fresh value)
 *   longest_t = longest completed run ending in the last `memory` observations
 *   score_t   = 1 at the observation where run_t first reaches max(minimumRun, (1 + margin) · longest_t),
 *               provided at least 8 · run_t observations were seen (a record over a short history means
 *               little); 0 otherwise, including for the rest of that run (one report per stop).
 *
 * A series that never repeats a value reports once it is stuck for `minimumRun` observations.
 */
/** A record is only news when the history it beats is at least this many times the run's own length. */
const HISTORY_RUNS = 16;

export class StuckRun {
  private readonly completed: SlidingMax;
  private previous = Number.NaN;
  private run = 0;
  private seen = 0;
  private reported = false;

  constructor(memory: number, private readonly minimumRun: number, private readonly margin: number) {
    this.completed = new SlidingMax(memory);
  }

  next(x: number): number {
    this.seen++;
    if (x === this.previous) {
      this.run++;
      this.completed.push(0);
    } else {
      this.completed.push(this.run);
      this.run = 1;
      this.previous = x;
      this.reported = false;
    }
    if (this.reported || this.run < this.minimumRun || this.seen < HISTORY_RUNS * this.run) return 0;
    if (this.run < (1 + this.margin) * Math.max(0, this.completed.max())) return 0;
    this.reported = true;
    return 1;
  }
}
