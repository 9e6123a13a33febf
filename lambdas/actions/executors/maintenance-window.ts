import { z } from 'zod';
import { ConfigurationError } from '../env.js';
import type { MaintenanceWindow } from './executor.js';

/**
 * Weekly maintenance windows (deploy config `maintenanceWindow`, env MAINTENANCE_WINDOW as JSON). A window opens
 * on each listed UTC day at `startUtc` and lasts `durationHours` (it may run past midnight into the next day).
 */

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export const MaintenanceWindowSchema = z.strictObject({
  days: z.array(z.enum(DAYS, `expected days among ${DAYS.join(', ')}`)).min(1, 'expected at least one day'),
  startUtc: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a UTC time of day as HH:MM'),
  durationHours: z.number('expected a number of hours').positive('expected a number of hours > 0').max(24, 'expected at most 24 hours'),
});

const DAY_MS = 86_400_000;

function startMinutes(window: MaintenanceWindow): number {
  const [hours, minutes] = window.startUtc.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Openings [start, end) of the window that could contain `now` or follow it: from yesterday to 8 days ahead. */
function openings(window: MaintenanceWindow, now: Date): { start: Date; end: Date }[] {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const result: { start: Date; end: Date }[] = [];
  for (let offset = -1; offset <= 8; offset += 1) {
    const day = midnight + offset * DAY_MS;
    if (!window.days.includes(DAYS[new Date(day).getUTCDay()])) continue;
    const start = day + startMinutes(window) * 60_000;
    result.push({ start: new Date(start), end: new Date(start + window.durationHours * 3_600_000) });
  }
  return result;
}

/** The opening `now` falls in, if any. */
export function currentOpening(window: MaintenanceWindow, now: Date): { start: Date; end: Date } | undefined {
  return openings(window, now).find(({ start, end }) => start <= now && now < end);
}

/** When the window next opens after `now`. */
export function nextOpening(window: MaintenanceWindow, now: Date): Date {
  const next = openings(window, now).find(({ start }) => start > now);
  // A window with at least one day always opens within 8 days.
  if (!next) throw new RangeError('maintenance window has no opening in the next week');
  return next.start;
}

export function describeWindow(window: MaintenanceWindow): string {
  return `${window.days.join(',')} ${window.startUtc} UTC for ${window.durationHours} h`;
}

/** Why a restart may not happen now, or undefined when `now` is inside the window. */
export function outsideWindowReason(window: MaintenanceWindow | undefined, now: Date): string | undefined {
  if (!window) return 'no maintenance window is configured (deploy config maintenanceWindow), so instances are never restarted';
  if (currentOpening(window, now)) return undefined;
  return `${now.toISOString()} is outside the maintenance window (${describeWindow(window)}); it next opens at ${nextOpening(window, now).toISOString()}`;
}

/** MAINTENANCE_WINDOW (JSON of the deploy config's `maintenanceWindow`); unset → undefined. */
export function maintenanceWindowEnv(name = 'MAINTENANCE_WINDOW'): MaintenanceWindow | undefined {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ConfigurationError(`environment variable ${name} must be JSON like {"days":["sat"],"startUtc":"02:00","durationHours":4} (${(error as Error).message})`);
  }
  const parsed = MaintenanceWindowSchema.safeParse(json);
  if (!parsed.success) throw new ConfigurationError(`environment variable ${name} is not a maintenance window: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
