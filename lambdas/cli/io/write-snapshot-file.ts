import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { compactSeries } from '../../engine/types/compact-series.js';
import {
  ExternalRecommendationSchema,
  SnapshotSchema,
  type ExternalRecommendation,
  type MetricSeries,
  type Snapshot,
} from '../../engine/types/snapshot.js';
import type { SnapshotSummary } from '../../notify/format/report-html.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { collectedPrices } from './collected-prices.js';

/**
 * Writes snapshot.json piece by piece in the line layout the schema documents (SnapshotSchema's `series`): line 1
 * holds every member but `series` and `recommendations` and ends with `"series":[`, then one compact series per
 * line, then a last line `],"recommendations":[...]}`. No string is ever the whole file (a 10,000-resource snapshot
 * is ~650 MB, past V8's ~512 MB string limit), the document stays one valid JSON value, and readSnapshotFile reads
 * it line by line. Series are written compact (compact-series.ts), which is lossless.
 */

/** The members of line 1: all but the two written while the series stream. */
type SnapshotHead = Omit<Snapshot, 'series' | 'recommendations'>;

/** Bytes gathered before one write to the file. */
const FLUSH_BYTES = 1 << 20;
/** Resources whose data is read from the store at once while streaming (ahead of the one being written). */
const READ_AHEAD = 16;

/** Writes an in-memory snapshot (`headroom scan`). */
export async function writeSnapshotFile(path: string, snapshot: Snapshot): Promise<void> {
  const { series, recommendations, ...head } = snapshot;
  await writeLayout(path, head, async (emit) => {
    for (const one of series) await emit(one);
    return recommendations;
  });
}

/**
 * Streams the collected snapshot from the store to `path` without holding it in memory: resources in the store's
 * order, each resource's series as read back; the other members are validated against the published schema like
 * snapshotFromStore (the series already are, by the store).
 * Prices as snapshotFromStore includes them (collected-prices.ts). Returns the counts the report shows.
 */
export async function writeSnapshotFromStore(
  path: string,
  store: HeadroomStore,
  scope: { accounts: string[]; regions: string[]; collectedAt: number },
): Promise<SnapshotSummary> {
  const resources = await store.listResources();
  const prices = await collectedPrices(store, scope.regions);
  const costForecast = await store.getCostForecast();
  const { series: _none, recommendations: _later, ...head } = SnapshotSchema.parse({
    version: 1,
    collectedAt: new Date(scope.collectedAt).toISOString(),
    accounts: scope.accounts,
    regions: scope.regions,
    resources,
    series: [],
    costs: await store.listCosts(),
    ...(costForecast === undefined ? {} : { costForecast }),
    ...prices,
    issues: await store.listIssues(),
    commitments: await store.listCommitments(),
  });
  let metricSeries = 0;
  await writeLayout(path, head, async (emit) => {
    const recommendations: ExternalRecommendation[] = [];
    for await (const data of inOrder(resources.map((r) => r.arn), (arn) => store.getResourceData(arn), READ_AHEAD)) {
      // The store validates every series it returns (MetricSeriesSchema in series-items.ts): not parsed twice.
      for (const series of data.series) await emit(series);
      metricSeries += data.series.length;
      recommendations.push(...data.recommendations.map((r) => ExternalRecommendationSchema.parse(r)));
    }
    return recommendations;
  });
  return {
    resources: head.resources.length,
    accounts: head.accounts.length,
    regions: head.regions.length,
    metricSeries,
    collectionIssues: head.issues.length,
    costHistoryDays: new Set(head.costs.map((cost) => cost.date)).size,
  };
}

/** `read(key)` for every key, at most `ahead` in flight, yielded in key order. */
async function* inOrder<K, T>(keys: readonly K[], read: (key: K) => Promise<T>, ahead: number): AsyncGenerator<T> {
  const pending: Promise<T>[] = [];
  let next = 0;
  const fill = () => {
    while (next < keys.length && pending.length < ahead) {
      const promise = read(keys[next++]);
      // Marks the read as handled while it waits its turn; its error still surfaces from the await below.
      promise.catch(() => undefined);
      pending.push(promise);
    }
  };
  fill();
  while (pending.length > 0) {
    const value = await (pending.shift() as Promise<T>);
    fill();
    yield value;
  }
}

/** Writes the layout (creating the folder): head line, one line per emitted series, the recommendations `body` returns on the last line. */
async function writeLayout(
  path: string,
  head: SnapshotHead,
  body: (emit: (series: MetricSeries) => Promise<void>) => Promise<ExternalRecommendation[]>,
): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, 'w');
  try {
    const out = new BufferedWriter(file);
    const headJson = JSON.stringify(head);
    await out.write(`${headJson.slice(0, -1)},"series":[`);
    let first = true;
    const recommendations = await body(async (series) => {
      await out.write(`${first ? '' : ','}\n${JSON.stringify(compactSeries(series))}`);
      first = false;
    });
    await out.write(`\n],"recommendations":${JSON.stringify(recommendations)}}\n`);
    await out.flush();
  } finally {
    await file.close();
  }
}

/** Gathers small strings and writes them to the file a megabyte at a time. */
class BufferedWriter {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly file: FileHandle) {}

  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    await this.file.write(text);
  }
}
