/**
 * Forecast throughput: N synthetic 5-minute series of P points each, horizon one day (288 steps).
 *
 *   npx tsx bench/forecast.ts [--series 10000] [--points 4032] [--horizon 288]
 *
 * Series are generated one at a time (seeded: level + daily cycle + noise + spikes + a level shift)
 * so memory reflects the forecaster, not a 10,000-series buffer; only `forecastSeries` calls are
 * timed. Reports wall and CPU time (CPU time is the fair number on a shared machine), per-series
 * time, series per second and peak RSS (process.resourceUsage).
 */
import { parseArgs } from 'node:util';
import { forecastSeries } from '../lambdas/engine/forecast/forecast.js';

const STEP = 300_000;
const { values: args } = parseArgs({ options: { series: { type: 'string', default: '1000' }, points: { type: 'string', default: '4032' }, horizon: { type: 'string', default: '288' } } });
const seriesCount = Number(args.series);
const points = Number(args.points);
const horizon = Number(args.horizon);

let state = 12345;
const random = () => (state = (state * 48271) % 2147483647) / 2147483647;

const timestamps = Array.from({ length: points }, (_, i) => Date.UTC(2026, 0, 1) + i * STEP);
const values: number[] = new Array(points);
let forecastMs = 0;
let forecastCpuMs = 0;
let checksum = 0;
for (let s = 0; s < seriesCount; s++) {
  const level = 10 + 90 * random();
  const amplitude = level * random() * 0.5;
  const noise = level * 0.1 * random();
  const shiftAt = Math.floor(points * random());
  for (let i = 0; i < points; i++) {
    let value = level + amplitude * Math.sin((2 * Math.PI * i) / 288) + noise * (random() - 0.5) * 2;
    if (i > shiftAt) value += level * 0.3;
    if (random() < 0.005) value += level * 3;
    values[i] = value;
  }
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = forecastSeries({ timestamps, values }, horizon);
  const cpu = process.cpuUsage(cpuBefore);
  forecastMs += performance.now() - started;
  forecastCpuMs += (cpu.user + cpu.system) / 1000;
  checksum += result.forecast[0];
}
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  [
    `forecast: ${seriesCount} series x ${points} points, horizon ${horizon}`,
    `  wall ${(forecastMs / 1000).toFixed(2)} s, ${(forecastMs / seriesCount).toFixed(3)} ms/series, ${Math.round((seriesCount / forecastMs) * 1000)} series/s`,
    `  cpu  ${(forecastCpuMs / 1000).toFixed(2)} s, ${(forecastCpuMs / seriesCount).toFixed(3)} ms/series (wall exceeds cpu when other processes share the cores)`,
    `  for 10,000 series: ${((forecastMs / seriesCount) * 10).toFixed(2)} s wall, ${((forecastCpuMs / seriesCount) * 10).toFixed(2)} s cpu${seriesCount === 10_000 ? '' : ' (extrapolated)'}`,
    `  peak RSS ${peakRssMb.toFixed(0)} MB (checksum ${checksum.toFixed(1)})`,
  ].join('\n') + '\n',
);
