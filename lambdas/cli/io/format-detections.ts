import type { SeriesRow } from '../../engine/series/parse-csv.js';
import type { Detection } from '../../engine/anomaly/detect.js';

/** Anomaly scores are printed with 6 decimals, trailing zeros trimmed (e.g. `0.25`, `0`). */
export function formatScore(score: number): string {
  return String(Number(score.toFixed(6)));
}

/** CSV field quoting (RFC 4180) for echoed text that may hold a comma or a quote. */
export function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * `timestamp,value,anomaly_score,alert` lines for every row, echoing timestamp and value text as given;
 * a value that is empty or not a number prints as empty.
 */
export function formatDetections(rows: readonly SeriesRow[], detections: readonly Detection[]): string {
  const lines = ['timestamp,value,anomaly_score,alert'];
  rows.forEach((row, index) => {
    const detection = detections[index];
    const value = row.value === null ? '' : csvField(row.valueText);
    lines.push(`${csvField(row.timestampText)},${value},${formatScore(detection.score)},${detection.alert ? 1 : 0}`);
  });
  return `${lines.join('\n')}\n`;
}
