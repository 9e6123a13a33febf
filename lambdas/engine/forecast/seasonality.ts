const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * Candidate season lengths (in steps) for a step size: daily when a day holds at least 4 steps,
 * weekly when a week does; each only when the history holds at least two full cycles, because a
 * profile needs one cycle to estimate and another to confirm. Whether a candidate is real is
 * decided later by backtesting models that use it against models that do not.
 * Example: 5-minute step and 14 days → [288, 2016]; 1-day step and 90 days → [7].
 */
export function candidateSeasonPeriods(stepMs: number, historyLength: number): number[] {
  const periods: number[] = [];
  for (const spanMs of [DAY_MS, WEEK_MS]) {
    const period = Math.round(spanMs / stepMs);
    const alignsWithStep = Math.abs(period * stepMs - spanMs) <= stepMs * 0.01;
    if (alignsWithStep && period >= 4 && historyLength >= 2 * period) periods.push(period);
  }
  return periods;
}
