import { MS_PER_DAY } from '../support/series-window.js';

const MS_PER_HOUR = 3_600_000;

/** When a day class is on, in UTC whole hours: from `start` for `hours` hours (may run past midnight). */
export interface OnWindow {
  start: string;
  stop: string;
  hours: number;
}

export interface OffHoursSchedule {
  /** Monday to Friday (UTC); null = off all day. */
  weekdays: OnWindow | null;
  /** Saturday and Sunday (UTC); null = off all day. */
  weekends: OnWindow | null;
  offHoursPerWeek: number;
  /** Active hours ÷ observed hours inside the on windows, over the whole window. */
  fit: number;
  /** Observed hours ÷ all hours outside the on windows. */
  offHoursObservedShare: number;
  /** Mean hourly value (mean or max, as reduced) over the observed off hours. */
  offHoursMean: number;
}

const hh = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/**
 * The smallest on window covering every active hour of the day: the complement of the longest run of inactive hours,
 * read circularly (a team working 20:00–04:00 UTC gets one window across midnight). Null when no hour was active.
 */
export function onWindow(active: readonly boolean[]): OnWindow | null {
  if (!active.includes(true)) return null;
  let bestStart = 0;
  let bestLength = 0;
  for (let start = 0; start < 24; start++) {
    if (active[start] || !active[(start + 23) % 24]) continue; // a gap starts after an active hour
    let length = 0;
    while (length < 24 && !active[(start + length) % 24]) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const start = (bestStart + bestLength) % 24;
  return { start: hh(start), stop: hh(bestLength === 0 ? 24 : bestStart), hours: 24 - bestLength };
}

function inWindow(window: OnWindow | null, hourOfDay: number): boolean {
  if (!window) return false;
  const start = Number(window.start.slice(0, 2));
  return (hourOfDay - start + 24) % 24 < window.hours;
}

/**
 * Hourly usage profile of one activity series over `days` whole UTC days from `windowStart` (epoch ms at 00:00 UTC):
 * points are reduced per clock hour (mean or max), an hour is active when `isActive(reduced)`; weekday (Mon–Fri) and
 * weekend hours-of-day are pooled separately, and each day class gets the on window of `onWindow`. Hours without a
 * point are neither active nor idle. Undefined when no hour was active (that is an idle resource, not a schedule).
 *
 *   offHoursPerWeek = 5 × (24 − weekday on hours) + 2 × (24 − weekend on hours)
 */
export function offHoursSchedule(
  timestamps: readonly number[],
  values: readonly number[],
  windowStart: number,
  days: number,
  reduce: 'mean' | 'max',
  isActive: (value: number) => boolean,
): OffHoursSchedule | undefined {
  const buckets = days * 24;
  const sum = new Float64Array(buckets);
  const max = new Float64Array(buckets).fill(Number.NEGATIVE_INFINITY);
  const count = new Uint32Array(buckets);
  for (let i = 0; i < timestamps.length; i++) {
    const b = Math.floor((timestamps[i] - windowStart) / MS_PER_HOUR);
    if (b < 0 || b >= buckets) continue;
    sum[b] += values[i];
    count[b]++;
    if (values[i] > max[b]) max[b] = values[i];
  }
  const reduced = (b: number): number => (reduce === 'mean' ? sum[b] / count[b] : max[b]);
  const isWeekend = (b: number): boolean => {
    const weekday = new Date(windowStart + Math.floor(b / 24) * MS_PER_DAY).getUTCDay();
    return weekday === 0 || weekday === 6;
  };
  const active = { weekdays: new Array<boolean>(24).fill(false), weekends: new Array<boolean>(24).fill(false) };
  for (let b = 0; b < buckets; b++) if (count[b] > 0 && isActive(reduced(b))) active[isWeekend(b) ? 'weekends' : 'weekdays'][b % 24] = true;
  const weekdays = onWindow(active.weekdays);
  const weekends = onWindow(active.weekends);
  if (!weekdays && !weekends) return undefined;

  let onObserved = 0;
  let onActive = 0;
  let off = 0;
  let offObserved = 0;
  let offSum = 0;
  for (let b = 0; b < buckets; b++) {
    const on = inWindow(isWeekend(b) ? weekends : weekdays, b % 24);
    if (on) {
      if (count[b] > 0) {
        onObserved++;
        if (isActive(reduced(b))) onActive++;
      }
    } else {
      off++;
      if (count[b] > 0) {
        offObserved++;
        offSum += reduced(b);
      }
    }
  }
  return {
    weekdays,
    weekends,
    offHoursPerWeek: 5 * (24 - (weekdays?.hours ?? 0)) + 2 * (24 - (weekends?.hours ?? 0)),
    fit: onObserved === 0 ? 0 : onActive / onObserved,
    offHoursObservedShare: off === 0 ? 1 : offObserved / off,
    offHoursMean: offObserved === 0 ? 0 : offSum / offObserved,
  };
}
