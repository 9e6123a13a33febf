/** Timestamped observations as parallel arrays (epoch ms, value). */
export interface Observations {
  timestamps: number[];
  values: number[];
}

/**
 * Averages observations into buckets of `bucketMs` aligned to the epoch (hours and UTC days):
 * bucket b = ⌊t / bucketMs⌋ gets the mean of its values, time-stamped at b·bucketMs.
 * A bucket holding fewer than half of the `stepMs` slots it spans is dropped, so a part-day at either
 * end of a series (or an outage) does not become a misleading daily value; the forecaster then
 * sees the hole as a gap. The mean, not the sum, so a bucket with one missing sample is not
 * understated; for a complete bucket the two differ only by the constant bucket/step factor.
 */
export function aggregate(series: Observations, stepMs: number, bucketMs: number): Observations {
  const sums = new Map<number, { sum: number; count: number }>();
  series.timestamps.forEach((timestamp, index) => {
    const value = series.values[index];
    if (!Number.isFinite(value)) return;
    const bucket = Math.floor(timestamp / bucketMs);
    const entry = sums.get(bucket) ?? { sum: 0, count: 0 };
    entry.sum += value;
    entry.count++;
    sums.set(bucket, entry);
  });
  const needed = bucketMs / stepMs / 2;
  const out: Observations = { timestamps: [], values: [] };
  for (const [bucket, { sum, count }] of [...sums.entries()].sort((a, b) => a[0] - b[0])) {
    if (count < needed) continue;
    out.timestamps.push(bucket * bucketMs);
    out.values.push(sum / count);
  }
  return out;
}
