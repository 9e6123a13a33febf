/**
 * Throughput of anomaly detection on synthetic series: `npx tsx bench/anomaly.ts [--series N] [--points P]`.
 * Each series is 5-minute data with a daily cycle, noise, occasional spikes and one level shift, so every
 * code path of the detector runs. Two paths are timed over the same series:
 *   analysis   `detectAlerts` over timestamp/value arrays — what the analysis runs over every metric series
 *   per point  `detectAnomalies` over point objects, a score object per point — `headroom detect` and `eval nab`
 * Reports total seconds (wall and CPU: CPU time is the fairer figure on a busy machine), points/s and peak RSS.
 * Single-threaded. The first "s CPU" figure printed (the analysis path) is the one `npm run bench` adds up.
 */
import { detectAlerts, detectAnomalies, type SeriesPoint } from '../lambdas/engine/anomaly/detect.js';
import { generator, option } from './support.js';

function syntheticSeries(points: number, seed: number): SeriesPoint[] {
  const random = generator(seed);
  const start = Date.UTC(2024, 0, 1);
  const shiftAt = Math.floor(points * (0.5 + 0.4 * random()));
  const base = 10 + 90 * random();
  return Array.from({ length: points }, (_, i) => {
    const daily = 0.2 * base * Math.sin((2 * Math.PI * i) / 288);
    const spike = random() < 0.002 ? base * 3 * random() : 0;
    const shift = i >= shiftAt ? 0.3 * base : 0;
    return { timestamp: start + i * 300_000, value: base + daily + shift + spike + 0.05 * base * (random() - 0.5) };
  });
}

interface PathTotals {
  wallMs: number;
  cpuMs: number;
  alerts: number;
}

function timed(totals: PathTotals, run: () => number): void {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  totals.alerts += run();
  const cpu = process.cpuUsage(cpuStarted);
  totals.wallMs += performance.now() - started;
  totals.cpuMs += (cpu.user + cpu.system) / 1000;
}

const seriesCount = option('series', 1000);
const pointCount = option('points', 4032);
let peakRss = process.memoryUsage().rss;
const analysis: PathTotals = { wallMs: 0, cpuMs: 0, alerts: 0 };
const perPoint: PathTotals = { wallMs: 0, cpuMs: 0, alerts: 0 };
for (let s = 0; s < seriesCount; s++) {
  const series = syntheticSeries(pointCount, s + 1);
  const timestamps = series.map((p) => p.timestamp);
  const values = series.map((p) => p.value);
  timed(analysis, () => detectAlerts(timestamps, values).length);
  timed(perPoint, () => detectAnomalies(series).reduce((n, d) => (d.alert ? n + 1 : n), 0));
  if (s % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const totalPoints = seriesCount * pointCount;
const line = (name: string, totals: PathTotals) => {
  const seconds = totals.wallMs / 1000;
  const perTenThousand = ((10_000 * 4032) / totalPoints) * (totals.cpuMs / 1000);
  return [
    `${name}: ${seconds.toFixed(2)} s wall, ${(totals.cpuMs / 1000).toFixed(2)} s CPU, ${Math.round(totalPoints / seconds).toLocaleString('en')} points/s`,
    `  extrapolated to 10,000 × 4,032 points: ${perTenThousand.toFixed(2)} s CPU; alerts ${totals.alerts} (${(totals.alerts / seriesCount).toFixed(2)} per series)`,
  ];
};
process.stdout.write(
  [
    `series: ${seriesCount} × ${pointCount} points = ${totalPoints.toLocaleString('en')} points (excluding data generation)`,
    ...line('analysis path (detectAlerts)', analysis),
    ...line('per-point path (detectAnomalies)', perPoint),
    `peak RSS: ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    '',
  ].join('\n'),
);
