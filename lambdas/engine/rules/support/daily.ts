import { MS_PER_DAY } from './series-window.js';

/** Per-UTC-day aggregates of a series: the day (epoch ms of its 00:00 UTC), point count, sum, mean and max. */
export interface DailyAggregate {
  day: number;
  count: number;
  sum: number;
  mean: number;
  max: number;
}

/** Groups points by UTC day, oldest day first. */
export function aggregateByUtcDay(timestamps: readonly number[], values: readonly number[]): DailyAggregate[] {
  const byDay = new Map<number, DailyAggregate>();
  for (let i = 0; i < timestamps.length; i++) {
    const day = Math.floor(timestamps[i] / MS_PER_DAY) * MS_PER_DAY;
    const v = values[i];
    const entry = byDay.get(day);
    if (entry) {
      entry.count++;
      entry.sum += v;
      if (v > entry.max) entry.max = v;
    } else {
      byDay.set(day, { day, count: 1, sum: v, mean: 0, max: v });
    }
  }
  const days = [...byDay.values()].sort((a, b) => a.day - b.day);
  for (const d of days) d.mean = d.sum / d.count;
  return days;
}
