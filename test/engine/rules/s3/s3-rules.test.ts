import { describe, expect, it } from 'vitest';
import { coldDataTiering } from '../../../../lambdas/engine/rules/s3/cold-data-tiering.js';
import { missingMultipartAbort } from '../../../../lambdas/engine/rules/s3/missing-multipart-abort.js';
import { noncurrentVersions } from '../../../../lambdas/engine/rules/s3/noncurrent-versions.js';
import type { MetricSeries } from '../../../../lambdas/engine/types/snapshot.js';
import { context, DAY_MS, NOW, resource, series, slice } from '../fixtures.js';

const GB = 1024 ** 3;
const bucket = (config: Record<string, unknown>) => ({ ...resource('s3:bucket', 'exports', { lifecycleRules: [], versioning: 'Disabled', ...config }), arn: 'arn:aws:s3:::exports' });
/** Daily storage metrics: one point a day at midnight, as S3 reports them. */
const daily = (metricName: string, fn: (day: number) => number, days = 14): MetricSeries =>
  series('arn:aws:s3:::exports', metricName, 'Average', (i) => fn(i), { days, periodSec: 86_400, namespace: 'AWS/S3' });
const size = (gbAt: (day: number) => number, days = 14) => daily('BucketSizeBytes', (d) => gbAt(d) * GB, days);
const objects = (n: number) => daily('NumberOfObjects', () => n);

describe('s3/missing-multipart-abort', () => {
  it('flags a bucket holding data with no whole-bucket abort rule, more confident when stale uploads exist', () => {
    const [preventive] = missingMultipartAbort.evaluate(slice(bucket({}), [size(() => 10)]), context());
    expect(preventive).toMatchObject({ monthlySavingsUsd: 0, confidence: 0.5, performanceRisk: 0, proposed: { abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } } });
    const [stale] = missingMultipartAbort.evaluate(slice(bucket({ staleMultipartUploads: 4 }), [size(() => 10)]), context());
    expect(stale.confidence).toBe(0.9);
    expect(stale.evidence.statistics.staleMultipartUploads).toBe(4);
  });

  it('passes a bucket whose whole-bucket enabled rule aborts uploads, an empty bucket, and a bucket whose lifecycle was not read', () => {
    const abort = { enabled: true, prefix: '', narrowed: false, abortIncompleteMultipartUploadDays: 3, transitions: [] };
    expect(missingMultipartAbort.evaluate(slice(bucket({ lifecycleRules: [abort] }), [size(() => 10)]), context())).toEqual([]);
    expect(missingMultipartAbort.evaluate(slice(bucket({}), [size(() => 0)]), context())).toEqual([]);
    expect(missingMultipartAbort.evaluate(slice(bucket({ lifecycleRules: undefined }), [size(() => 10)]), context())).toEqual([]);
  });

  it('does not count a disabled or prefix-limited abort rule as covering the bucket', () => {
    const disabled = { enabled: false, prefix: '', abortIncompleteMultipartUploadDays: 7 };
    const prefixed = { enabled: true, prefix: 'uploads/', abortIncompleteMultipartUploadDays: 7 };
    expect(missingMultipartAbort.evaluate(slice(bucket({ lifecycleRules: [disabled, prefixed] }), [size(() => 10)]), context())).toHaveLength(1);
  });
});

describe('s3/noncurrent-versions', () => {
  it('flags a versioned bucket that never expires noncurrent versions (Enabled or Suspended)', () => {
    for (const versioning of ['Enabled', 'Suspended']) {
      const [finding] = noncurrentVersions.evaluate(slice(bucket({ versioning }), [size(() => 50), objects(1000)]), context());
      expect(finding).toMatchObject({ reversible: false, proposed: { noncurrentVersionExpiration: { noncurrentDays: 30 } } });
    }
  });

  it('passes an unversioned bucket, one that expires or transitions noncurrent versions, and one whose versioning was not read', () => {
    const metrics = [size(() => 50)];
    expect(noncurrentVersions.evaluate(slice(bucket({ versioning: 'Disabled' }), metrics), context())).toEqual([]);
    expect(noncurrentVersions.evaluate(slice(bucket({ versioning: undefined }), metrics), context())).toEqual([]);
    const expire = { enabled: true, noncurrentVersionExpirationDays: 90 };
    const transition = { enabled: true, noncurrentVersionTransition: true };
    expect(noncurrentVersions.evaluate(slice(bucket({ versioning: 'Enabled', lifecycleRules: [expire] }), metrics), context())).toEqual([]);
    expect(noncurrentVersions.evaluate(slice(bucket({ versioning: 'Enabled', lifecycleRules: [transition] }), metrics), context())).toEqual([]);
  });
});

describe('s3/cold-data-tiering', () => {
  const flat = size(() => 1000);
  const manyLargeObjects = objects(100_000); // 10 MB average

  it('with the age heuristic: a flat 1,000 GB bucket is all cold; savings = 1000 × $0.0105 − 100 × $0.0025, confidence 0.4', () => {
    const [finding] = coldDataTiering.evaluate(slice(bucket({}), [flat, manyLargeObjects]), context());
    expect(finding.evidence.statistics).toMatchObject({ method: 'age-heuristic', coldShare: 1 });
    expect(finding.monthlySavingsUsd).toBeCloseTo(1000 * 0.0105 - 100 * 0.0025, 2);
    expect(finding.confidence).toBe(0.4);
    expect(finding.proposed).toEqual({ transition: { ruleId: 'headroom-intelligent-tiering', days: 0, storageClass: 'INTELLIGENT_TIERING' } });
  });

  it('with the age heuristic: data written in the last 30 days counts as warm', () => {
    // Grows 10 GB a day to 1,000 GB: 300 GB written in the last 30 days, 700 GB older.
    const growing = size((d) => 870 + 10 * d);
    const [finding] = coldDataTiering.evaluate(slice(bucket({}), [growing, manyLargeObjects]), context());
    expect(finding.evidence.statistics.coldShare).toBeCloseTo(0.7, 2);
  });

  it('with request metrics: the share downloaded in 30 days is warm, at the data confidence of the metric', () => {
    // 100 GB downloaded over 14 days → 214 GB per 30 days of 1,000 GB.
    const downloads = series('arn:aws:s3:::exports', 'BytesDownloaded', 'Sum', () => (100 * GB) / 4032, { namespace: 'AWS/S3' });
    const [finding] = coldDataTiering.evaluate(slice(bucket({ requestMetricsFilterId: 'EntireBucket' }), [flat, manyLargeObjects, downloads]), context());
    expect(finding.evidence.statistics).toMatchObject({ method: 'request-metrics' });
    expect(finding.evidence.statistics.coldShare).toBeCloseTo(1 - (100 * 30) / 14 / 1000, 3);
    expect(finding.confidence).toBe(1);
  });

  it('passes a bucket under 100 GB, small objects (< 128 KB on average), a bucket already transitioning, and a young bucket', () => {
    expect(coldDataTiering.evaluate(slice(bucket({}), [size(() => 99), manyLargeObjects]), context())).toEqual([]);
    expect(coldDataTiering.evaluate(slice(bucket({}), [flat, objects(1000 * 8192)]), context())).toEqual([]);
    const tiering = { enabled: true, transitions: [{ days: 30, storageClass: 'STANDARD_IA' }] };
    expect(coldDataTiering.evaluate(slice(bucket({ lifecycleRules: [tiering] }), [flat, manyLargeObjects]), context())).toEqual([]);
    const young = new Date(NOW - 20 * DAY_MS).toISOString();
    expect(coldDataTiering.evaluate(slice(bucket({ creationDate: young }), [flat, manyLargeObjects]), context())).toEqual([]);
  });

  it('passes a bucket that is all read every month, and one with under a week of daily metrics', () => {
    const heavy = series('arn:aws:s3:::exports', 'BytesDownloaded', 'Sum', () => (1000 * GB) / 4032, { namespace: 'AWS/S3' });
    expect(coldDataTiering.evaluate(slice(bucket({}), [flat, manyLargeObjects, heavy]), context())).toEqual([]);
    expect(coldDataTiering.evaluate(slice(bucket({}), [size(() => 1000, 6), manyLargeObjects]), context())).toEqual([]);
  });
});
