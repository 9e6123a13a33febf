import { medianInPlace } from '../stats/median-in-place.js';
import { ForecastInputError } from './errors.js';

/** A series on a fixed grid: slot i is at `start + i·stepMs`; NaN marks a slot with no observation. */
export interface RegularSeries {
  start: number;
  stepMs: number;
  values: Float64Array;
}

/** Refuse grids this many times longer than the input: one wild timestamp must not allocate gigabytes. */
const MAX_GRID_EXPANSION = 50;

/**
 * The sampling step: the median of the positive differences between consecutive sorted timestamps,
 * so gaps, repeated timestamps and the odd jittered sample do not change it.
 * Example: timestamps 0, 300000, 300000, 900000, 1200000 → diffs 300000, 600000, 300000 → 300000.
 */
export function inferStepMs(sortedTimestamps: ArrayLike<number>): number {
  const diffs = new Float64Array(Math.max(0, sortedTimestamps.length - 1));
  let count = 0;
  let allEqual = true;
  for (let index = 1; index < sortedTimestamps.length; index++) {
    const diff = sortedTimestamps[index] - sortedTimestamps[index - 1];
    if (diff > 0) {
      diffs[count++] = diff;
      if (diff !== diffs[0]) allEqual = false;
    }
  }
  if (count === 0) throw new ForecastInputError('the series needs at least two distinct timestamps to infer its step.');
  // Regular series (the usual case) skip the selection.
  return allEqual ? diffs[0] : medianInPlace(diffs, count);
}

/**
 * Puts observations on the grid `start + i·step` (start = earliest timestamp, step inferred unless given):
 * each observation goes to the nearest slot, observations sharing a slot (repeated or jittered
 * timestamps) are averaged, empty slots and null/non-finite values become NaN.
 */
export function regularise(timestamps: readonly number[], values: readonly (number | null)[], stepMs?: number): RegularSeries {
  if (timestamps.length !== values.length) {
    throw new ForecastInputError(`timestamps (${timestamps.length}) and values (${values.length}) must have the same length.`);
  }
  for (const timestamp of timestamps) {
    if (!Number.isFinite(timestamp)) throw new ForecastInputError(`timestamp ${timestamp} is not a finite epoch-millisecond number.`);
  }
  const order = isSorted(timestamps) ? null : Array.from(timestamps.keys()).sort((a, b) => timestamps[a] - timestamps[b]);
  const sorted = order === null ? timestamps : order.map((index) => timestamps[index]);
  const step = stepMs ?? inferStepMs(sorted);
  if (!(step > 0)) throw new ForecastInputError(`step ${step} ms must be positive.`);
  const start = sorted[0];
  const slots = Math.round((sorted[sorted.length - 1] - start) / step) + 1;
  if (slots > MAX_GRID_EXPANSION * timestamps.length + 1000) {
    throw new ForecastInputError(`timestamps span ${slots} steps of ${step} ms for ${timestamps.length} rows; the series is too sparse to regularise.`);
  }
  if (order === null && slots === timestamps.length && isExactGrid(timestamps, start, step)) {
    // The usual collector output: one row per slot already, so no averaging or slot arithmetic is needed.
    const grid = new Float64Array(slots);
    for (let slot = 0; slot < slots; slot++) {
      const value = values[slot];
      grid[slot] = value === null || !Number.isFinite(value) ? Number.NaN : value;
    }
    return { start, stepMs: step, values: grid };
  }
  const sums = new Float64Array(slots);
  const counts = new Uint32Array(slots);
  for (let index = 0; index < timestamps.length; index++) {
    const value = values[index];
    if (value === null || !Number.isFinite(value)) continue;
    const slot = Math.round((timestamps[index] - start) / step);
    sums[slot] += value;
    counts[slot]++;
  }
  const grid = new Float64Array(slots);
  for (let slot = 0; slot < slots; slot++) grid[slot] = counts[slot] > 0 ? sums[slot] / counts[slot] : Number.NaN;
  return { start, stepMs: step, values: grid };
}

/** Whether timestamps[i] = start + i·step for every row. */
function isExactGrid(timestamps: readonly number[], start: number, step: number): boolean {
  for (let index = 0; index < timestamps.length; index++) if (timestamps[index] !== start + index * step) return false;
  return true;
}

/** Rows usually arrive in time order: checking is O(n) where sorting an index is O(n log n). */
function isSorted(timestamps: readonly number[]): boolean {
  for (let index = 1; index < timestamps.length; index++) if (timestamps[index] < timestamps[index - 1]) return false;
  return true;
}
