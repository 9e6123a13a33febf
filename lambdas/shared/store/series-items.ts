import { randomBytes } from 'node:crypto';
import { MetricSeriesIdentitySchema, MetricSeriesSchema, type MetricSeries } from '../../engine/types/snapshot.js';
import { describeIssue, readDocument } from './item-codec.js';
import { keys } from './keys.js';
import { StoreInputError, StoreItemInvalidError } from './errors.js';
import { decodeSeries, encodeSeries, LEGACY_VALUE_ENCODING, VALUE_ENCODINGS, type SeriesChunk, type ValueEncoding } from './series-codec.js';
import type { TableItem } from './table.js';

/**
 * A metric series as table items: one per chunk (series-codec.ts), all under the resource's ARN# partition.
 * Each chunk carries the series' identity as JSON in `data`, its index, the chunk count and a `version`
 * shared by the chunks of one write, plus the packed values `v` (and timestamps `t` when off-grid) and their
 * encoding `enc` (`f32` or `f64`; items written before Float32 packing have no `enc` and are read as Float64).
 */

export function seriesItems(s: MetricSeries, expiresAt: number): TableItem[] {
  const version = randomBytes(6).toString('hex');
  const meta = { resourceArn: s.resourceArn, namespace: s.namespace, metricName: s.metricName, stat: s.stat, unit: s.unit, periodSec: s.periodSec };
  const name = keys.seriesName(s);
  return encodeSeries(s.timestamps, s.values, s.periodSec).map((chunk) => ({
    pk: keys.byArn(s.resourceArn),
    sk: keys.seriesChunk(name, chunk.index),
    kind: 'series',
    data: JSON.stringify(meta),
    version,
    chunk: chunk.index,
    chunks: chunk.count,
    ...(chunk.start === undefined ? {} : { start: chunk.start }),
    enc: chunk.encoding,
    v: chunk.values,
    ...(chunk.timestamps ? { t: chunk.timestamps } : {}),
    expiresAt,
  }));
}

/** Series chunk items of one partition (sorted by sk), grouped per series and decoded. */
export function readSeriesItems(items: TableItem[]): MetricSeries[] {
  const groups = new Map<string, TableItem[]>();
  for (const item of items) {
    const name = item.sk.slice(0, item.sk.lastIndexOf('#'));
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return [...groups.values()].map(readSeries);
}

/**
 * Chunks of one series, sorted by index. The newest write is the version of chunk 0; chunks left over from a
 * longer earlier write carry another version and are ignored (they expire with their TTL).
 */
function readSeries(group: TableItem[]): MetricSeries {
  const first = group[0];
  const meta = readDocument(first, MetricSeriesIdentitySchema);
  const count = first.chunks;
  const chunks = group.filter((item) => item.version === first.version);
  if (first.chunk !== 0 || typeof count !== 'number' || chunks.length !== count) {
    throw new StoreItemInvalidError(
      { pk: first.pk, sk: first.sk },
      `series has ${chunks.length} chunk(s) of its latest version but declares ${String(count)}`,
    );
  }
  const decoded = decodeChunks(
    chunks.map((item): SeriesChunk => {
      if (!(item.v instanceof Uint8Array) || (item.t !== undefined && !(item.t instanceof Uint8Array))) {
        throw new StoreItemInvalidError({ pk: item.pk, sk: item.sk }, 'series values are not binary');
      }
      return {
        index: Number(item.chunk),
        count,
        start: typeof item.start === 'number' ? item.start : undefined,
        encoding: encodingOf(item),
        values: item.v,
        timestamps: item.t as Uint8Array | undefined,
      };
    }),
    meta.periodSec,
    first,
  );
  const parsed = MetricSeriesSchema.safeParse({ ...meta, ...decoded });
  if (!parsed.success) throw new StoreItemInvalidError({ pk: first.pk, sk: first.sk }, describeIssue(parsed.error.issues[0]));
  return parsed.data;
}

/** The chunk's `enc` marker; absent on items written before Float32 packing, which are Float64. */
function encodingOf(item: TableItem): ValueEncoding {
  if (item.enc === undefined) return LEGACY_VALUE_ENCODING;
  if (typeof item.enc === 'string' && (VALUE_ENCODINGS as readonly string[]).includes(item.enc)) return item.enc as ValueEncoding;
  throw new StoreItemInvalidError({ pk: item.pk, sk: item.sk }, `series encoding ${JSON.stringify(item.enc)} is not one of ${VALUE_ENCODINGS.join(', ')}`);
}

/** decodeSeries, with a malformed packing reported as an invalid item (its key named) rather than a bad input. */
function decodeChunks(chunks: SeriesChunk[], periodSec: number, first: TableItem): { timestamps: number[]; values: number[] } {
  try {
    return decodeSeries(chunks, periodSec);
  } catch (error) {
    if (error instanceof StoreInputError) throw new StoreItemInvalidError({ pk: first.pk, sk: first.sk }, error.message);
    throw error;
  }
}
