import { MS_PER_DAY } from './series-window.js';

/** Per-UTC-day aggregates of a series: the day (epoch ms of its 00:00 UTC), point count, sum, mean and max. */
export interface DailyAggregate {
  day: number;
  count: number;
  sum: number;
  mean: number;
  max: number;
}

/** Groups points by UTC day, oldest day first. Timestamps are ascending (the snapshot contract): one pass, no map. */
export function aggregateByUtcDay(timestamps: readonly number[], values: readonly number[]): DailyAggregate[] {
  const days: DailyAggregate[] = [];
  let current: DailyAggregate | undefined;
  for (let i = 0; i < timestamps.length; i++) {
    const day = Math.floor(timestamps[i] / MS_PER_DAY) * MS_PER_DAY;
    const v = values[i];
    if (current && current.day === day) {
      current.count++;
      current.sum += v;
      if (v > current.max) current.max = v;
    } else {
      if (current && day < current.day) throw new RangeError('aggregateByUtcDay needs ascending timestamps');
      current = { day, count: 1, sum: v, mean: 0, max: v };
      days.push(current);
    }
  }
  for (const d of days) d.mean = d.sum / d.count;
  return days;
}
