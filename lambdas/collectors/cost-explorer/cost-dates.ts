const DAY_MS = 86_400_000;

/** YYYY-MM-DD of an epoch-ms instant, in UTC (Cost Explorer's dates are UTC days). */
export function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Start of the UTC day containing `epochMs`, shifted by `days`. */
export function utcDayStart(epochMs: number, days = 0): number {
  return Math.floor(epochMs / DAY_MS) * DAY_MS + days * DAY_MS;
}
