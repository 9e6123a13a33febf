/**
 * Throughput of anomaly detection on synthetic series: `npx tsx bench/anomaly.ts [--series N] [--points P]`.
 * Each series is 5-minute data with a daily cycle, noise, occasional spikes and one level shift, so every
 * code path of the detector runs. Reports points/s, total seconds (wall and CPU: CPU time is the fairer
 * figure on a busy machine) and peak RSS. Single-threaded.
 */
import { detectAnomalies, type SeriesPoint } from '../lambdas/engine/anomaly/detect.js';
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

const seriesCount = option('series', 1000);
const pointCount = option('points', 4032);
let peakRss = process.memoryUsage().rss;
let detectMs = 0;
let detectCpuMs = 0;
let alerts = 0;
for (let s = 0; s < seriesCount; s++) {
  const series = syntheticSeries(pointCount, s + 1);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const detections = detectAnomalies(series);
  const cpu = process.cpuUsage(cpuStarted);
  detectMs += performance.now() - started;
  detectCpuMs += (cpu.user + cpu.system) / 1000;
  for (const detection of detections) if (detection.alert) alerts++;
  if (s % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const totalPoints = seriesCount * pointCount;
const seconds = detectMs / 1000;
process.stdout.write(
  [
    `series: ${seriesCount} × ${pointCount} points = ${totalPoints.toLocaleString('en')} points`,
    `detect time (excluding data generation): ${seconds.toFixed(2)} s wall, ${(detectCpuMs / 1000).toFixed(2)} s CPU`,
    `throughput: ${Math.round(totalPoints / seconds).toLocaleString('en')} points/s`,
    `extrapolated to 10,000 × 4,032 points: ${((10_000 * 4032) / (totalPoints / seconds)).toFixed(2)} s`,
    `alerts: ${alerts} (${(alerts / seriesCount).toFixed(2)} per series)`,
    `peak RSS: ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
    '',
  ].join('\n'),
);
