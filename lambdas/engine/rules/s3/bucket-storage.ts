import type { S3BucketConfig, S3LifecycleRule } from '../../types/snapshot.js';
import type { ResourceSlice } from '../rule.js';
import { findSeries, windowSeries, type WindowedSeries } from '../support/series-window.js';

export const BYTES_PER_GB = 1024 ** 3;

/** Enabled lifecycle rules that cover every object of the bucket (empty prefix, no tag or size filter). */
export function wholeBucketRules(config: S3BucketConfig): S3LifecycleRule[] {
  return (config.lifecycleRules ?? []).filter((rule) => rule.enabled && rule.prefix === '' && !rule.narrowed);
}

/**
 * The bucket's daily storage metrics in the lookback (AWS/S3, reported once a day): BucketSizeBytes of the STANDARD
 * class (StorageType StandardStorage) and NumberOfObjects (StorageType AllStorageTypes: current and noncurrent
 * versions, delete markers and multipart parts of every class). `latest*` is the newest daily value.
 */
export interface BucketStorage {
  size: WindowedSeries;
  latestStandardBytes: number;
  latestObjects: number | undefined;
}

export function bucketStorage(slice: ResourceSlice, now: number, lookbackDays: number): BucketStorage | undefined {
  const sizeSeries = findSeries(slice.series, 'BucketSizeBytes', ['Average']);
  if (sizeSeries === undefined) return undefined;
  const size = windowSeries(sizeSeries, now, lookbackDays);
  if (size.values.length === 0) return undefined;
  const objectsSeries = findSeries(slice.series, 'NumberOfObjects', ['Average']);
  const objects = objectsSeries && windowSeries(objectsSeries, now, lookbackDays);
  return { size, latestStandardBytes: size.values[size.values.length - 1], latestObjects: objects?.values.at(-1) };
}
