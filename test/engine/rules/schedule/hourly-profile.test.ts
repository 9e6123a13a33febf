import { describe, expect, it } from 'vitest';
import { onWindow } from '../../../../lambdas/engine/rules/schedule/hourly-profile.js';

const hours = (...on: number[]) => Array.from({ length: 24 }, (_, h) => on.includes(h));

describe('onWindow', () => {
  it('is the complement of the longest idle run', () => {
    expect(onWindow(hours(8, 12, 19))).toEqual({ start: '08:00', stop: '20:00', hours: 12 });
  });

  it('runs across midnight when the longest idle run is in the day', () => {
    expect(onWindow(hours(22, 23, 0, 1))).toEqual({ start: '22:00', stop: '02:00', hours: 4 });
  });

  it('is always on when every hour was active, and null when none was', () => {
    expect(onWindow(hours(...Array.from({ length: 24 }, (_, h) => h)))).toEqual({ start: '00:00', stop: '24:00', hours: 24 });
    expect(onWindow(hours())).toBeNull();
  });
});
