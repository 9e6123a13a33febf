import { afterEach, describe, expect, it } from 'vitest';
import { currentOpening, maintenanceWindowEnv, nextOpening, outsideWindowReason } from '../../../lambdas/actions/executors/maintenance-window.js';

const weekend = { days: ['sat' as const, 'sun' as const], startUtc: '02:00', durationHours: 4 };

describe('maintenance window', () => {
  afterEach(() => {
    delete process.env.MAINTENANCE_WINDOW;
  });

  it('is open from the start time for the duration on the listed days only', () => {
    // 2026-11-28 is a Saturday.
    expect(currentOpening(weekend, new Date('2026-11-28T02:00:00Z'))).toBeDefined();
    expect(currentOpening(weekend, new Date('2026-11-28T05:59:59Z'))).toBeDefined();
    expect(currentOpening(weekend, new Date('2026-11-28T06:00:00Z'))).toBeUndefined();
    expect(currentOpening(weekend, new Date('2026-11-27T03:00:00Z'))).toBeUndefined();
  });

  it('includes a window that started the day before and runs past midnight', () => {
    const lateSunday = { days: ['sun' as const], startUtc: '22:00', durationHours: 4 };
    // 2026-11-30 is a Monday.
    expect(currentOpening(lateSunday, new Date('2026-11-30T01:30:00Z'))).toEqual({ start: new Date('2026-11-29T22:00:00Z'), end: new Date('2026-11-30T02:00:00Z') });
  });

  it('explains a refusal outside the window with the next opening', () => {
    expect(outsideWindowReason(weekend, new Date('2026-11-25T12:00:00Z'))).toBe(
      '2026-11-25T12:00:00.000Z is outside the maintenance window (sat,sun 02:00 UTC for 4 h); it next opens at 2026-11-28T02:00:00.000Z',
    );
    expect(nextOpening(weekend, new Date('2026-11-28T03:00:00Z'))).toEqual(new Date('2026-11-29T02:00:00Z'));
    expect(outsideWindowReason(undefined, new Date())).toMatch(/no maintenance window is configured/);
    expect(outsideWindowReason(weekend, new Date('2026-11-29T03:00:00Z'))).toBeUndefined();
  });

  it('reads MAINTENANCE_WINDOW as JSON and rejects a malformed one with a clear message', () => {
    expect(maintenanceWindowEnv()).toBeUndefined();
    process.env.MAINTENANCE_WINDOW = JSON.stringify(weekend);
    expect(maintenanceWindowEnv()).toEqual(weekend);
    process.env.MAINTENANCE_WINDOW = '{"days":["someday"],"startUtc":"2am","durationHours":4}';
    expect(() => maintenanceWindowEnv()).toThrow(/MAINTENANCE_WINDOW is not a maintenance window: days.0: expected days among/);
    process.env.MAINTENANCE_WINDOW = 'sat 02:00';
    expect(() => maintenanceWindowEnv()).toThrow(/must be JSON/);
  });
});
