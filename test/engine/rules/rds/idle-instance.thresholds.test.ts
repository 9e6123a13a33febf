import { describe, expect, it } from 'vitest';
import { idleRdsInstance } from '../../../../lambdas/engine/rules/rds/idle-instance.js';
import { context, DAY_MS, NOW, resource, series, slice } from '../fixtures.js';

const res = resource('rds:db-instance', 'edge-db', { instanceClass: 'db.m5.large', engine: 'postgres', storageGiB: 100, multiAz: false, status: 'available' });
const connections = (fn: (t: number) => number, days = 14) =>
  series(res.arn, 'DatabaseConnections', 'Maximum', (_, t) => fn(t), { days, namespace: 'AWS/RDS', unit: 'Count' });
const flags = (list: ReturnType<typeof connections>) => idleRdsInstance.evaluate(slice(res, [list]), context()).length === 1;

describe('rds/idle-instance thresholds', () => {
  it('no connection in the last 7 days: one 7.5 days ago still flags, one 6.5 days ago does not', () => {
    const at = (daysAgo: number) => connections((t) => (t === NOW - daysAgo * DAY_MS ? 1 : 0));
    expect(flags(at(7.5))).toBe(true);
    expect(flags(at(6.5))).toBe(false);
  });

  it('needs 6 days of span in the window: 6 days flag, 5.9 do not', () => {
    expect(flags(connections(() => 0, 6 + 1 / 288))).toBe(true);
    expect(flags(connections(() => 0, 5.9))).toBe(false);
  });
});
