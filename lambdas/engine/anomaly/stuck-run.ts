/** A record is only news when the history it beats is at least this many times the run's own length. */
const HISTORY_RUNS = 6;

/**
 * A signal that stops: the series has repeated exactly the same value for longer than any such run of
 * the last `memory` observations (by the fraction `margin`), and for at least `minimumRun` observations.
 * A stalled process, a disk that stops writing, a collector that keeps resending the last value.
 *
 *   run_t     = number of consecutive observations equal to x_t, ending at t (1 for a fresh value)
 *   longest_t = longest completed run ending in the last `memory` observations
 *   score_t   = 1 at the observation where run_t first reaches max(minimumRun, (1 + margin) · longest_t),
 *               provided at least 6 · run_t observations were seen (a record over a short history means
 *               little); 0 otherwise, including for the rest of that run (one report per stop).
 *
 * A series that never repeats a value reports once it is stuck for `minimumRun` observations.
 * Completed runs are kept in a monotonic queue (a run shorter than a later one can never be the longest
 * again), so each observation costs O(1) amortised and memory grows only with the number of runs.
 */
export class StuckRun {
  /** End observation and length of completed runs that may still be the longest, lengths decreasing. */
  private readonly runEnds: number[] = [];
  private readonly runLengths: number[] = [];
  private head = 0;
  private previous = Number.NaN;
  private run = 0;
  private seen = 0;
  private reported = false;

  constructor(private readonly memory: number, private readonly minimumRun: number, private readonly margin: number) {}

  next(x: number): number {
    this.seen++;
    if (x === this.previous) {
      this.run++;
    } else {
      if (this.run > 0) this.complete(this.run);
      this.run = 1;
      this.previous = x;
      this.reported = false;
    }
    if (this.reported || this.run < this.minimumRun || this.seen < HISTORY_RUNS * this.run) return 0;
    while (this.head < this.runEnds.length && this.runEnds[this.head] <= this.seen - this.memory) this.head++;
    const longest = this.head < this.runLengths.length ? this.runLengths[this.head] : 0;
    if (this.run < (1 + this.margin) * longest) return 0;
    this.reported = true;
    return 1;
  }

  private complete(length: number): void {
    // The run ended at the previous observation.
    while (this.runLengths.length > this.head && this.runLengths[this.runLengths.length - 1] <= length) {
      this.runLengths.pop();
      this.runEnds.pop();
    }
    this.runLengths.push(length);
    this.runEnds.push(this.seen - 1);
    if (this.head > 1024 && this.head * 2 > this.runLengths.length) {
      this.runLengths.splice(0, this.head);
      this.runEnds.splice(0, this.head);
      this.head = 0;
    }
  }
}
