import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SeriesRow } from '../../engine/series/parse-csv.js';
import type { Detection } from '../../engine/anomaly/detect.js';
import { csvField, formatScore } from './format-detections.js';

/**
 * Writes one NAB result file, `<out>/<detector>/<category>/<detector>_<file>.csv`, in NAB's layout
 * `timestamp,value,anomaly_score,label` (label = 1 inside a labelled window), plus our `alert` column.
 * Returns the path written.
 */
export function writeNabResultFile(
  outDir: string,
  detector: string,
  category: string,
  name: string,
  rows: readonly SeriesRow[],
  detections: readonly Detection[],
  inWindow: readonly boolean[],
): string {
  const dir = join(outDir, detector, category);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${detector}_${name}.csv`);
  const lines = ['timestamp,value,anomaly_score,label,alert'];
  rows.forEach((row, index) => {
    const value = row.value === null ? '' : csvField(row.valueText);
    const detection = detections[index];
    lines.push(`${csvField(row.timestampText)},${value},${formatScore(detection.score)},${inWindow[index] ? 1 : 0},${detection.alert ? 1 : 0}`);
  });
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
