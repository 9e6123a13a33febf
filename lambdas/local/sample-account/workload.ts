import { hashNormal } from './prng.js';
import type { Workload } from './model.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The driving load of a resource in the 5-minute slot starting at `t` (epoch ms):
 *
 *   load(t) = level × growth(t) × daily(t) × weekly(t) × (1 + noise × z(t))      (clamped at 0)
 *   growth(t) = max(0.05, 1 + growthPerDay × (t − now) / 1 day)
 *   daily(t)  = 1 + dailyAmplitude × cos(2π (hourOfDay(t) − peakHourUtc) / 24)
 *   weekly(t) = weekendFactor on Saturday/Sunday (UTC), else 1
 *   z(t)      = hashed standard-normal noise of (seed, salt, slot)
 *
 * A batch workload replaces daily(t) by 1 inside its run window and by idleLevel / level outside.
 * The result is a pure function of its inputs, so any slot can be evaluated alone.
 */
export function loadAt(workload: Workload, t: number, now: number, seed: number): number {
  const growth = Math.max(0.05, 1 + (workload.growthPerDay * (t - now)) / DAY_MS);
  const hour = (t % DAY_MS) / HOUR_MS;
  const weekly = isWeekend(t) ? workload.weekendFactor : 1;
  let shape: number;
  if (workload.batch !== undefined) {
    shape = inBatchWindow(workload.batch, t) ? 1 : workload.batch.idleLevel / Math.max(workload.level, 1e-9);
  } else {
    shape = 1 + workload.dailyAmplitude * Math.cos((2 * Math.PI * (hour - workload.peakHourUtc)) / 24);
  }
  const slot = Math.floor(t / 300_000);
  const noise = 1 + workload.noise * hashNormal(seed, workload.salt, slot);
  return Math.max(0, workload.level * growth * shape * weekly * noise);
}

/**
 * Saturday or Sunday (UTC), without allocating a Date (loadAt runs once per datapoint): day d since the epoch is
 * weekday (d + 4) mod 7, Sunday = 0, because 1970-01-01 was a Thursday.
 */
export function isWeekend(t: number): boolean {
  const weekday = (Math.floor(t / DAY_MS) + 4) % 7;
  return weekday === 0 || weekday === 6;
}

/** Whether `t` falls inside one of the batch job's runs (every `everyHours` from `startHourUtc`). */
export function inBatchWindow(batch: NonNullable<Workload['batch']>, t: number): boolean {
  const minutesIntoDay = (t % DAY_MS) / 60_000;
  const sinceStart = (((minutesIntoDay - batch.startHourUtc * 60) % (batch.everyHours * 60)) + batch.everyHours * 60) % (batch.everyHours * 60);
  return sinceStart < batch.durationMinutes;
}

/**
 * Mean of load(t) over a whole UTC day, for daily costs: the daily cosine averages out, so
 * mean = level × growth(midday) × weekly × (batch ? duty cycle blend : 1).
 */
export function meanDailyLoad(workload: Workload, dayStart: number, now: number): number {
  const midday = dayStart + DAY_MS / 2;
  const growth = Math.max(0.05, 1 + (workload.growthPerDay * (midday - now)) / DAY_MS);
  const weekday = new Date(dayStart).getUTCDay();
  const weekly = weekday === 0 || weekday === 6 ? workload.weekendFactor : 1;
  let shape = 1;
  if (workload.batch !== undefined) {
    const duty = Math.min(1, workload.batch.durationMinutes / (workload.batch.everyHours * 60));
    shape = duty + (1 - duty) * (workload.batch.idleLevel / Math.max(workload.level, 1e-9));
  }
  return workload.level * growth * weekly * shape;
}
