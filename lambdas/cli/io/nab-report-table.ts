import type { NabReport, NabScoreLine } from '../../engine/nab/evaluate-corpus.js';

const HEADER = ['', 'score', 'raw', 'TP', 'FN', 'FP', 'windows'];

/** The eval report as aligned text tables: per file, per category, then the overall lines. */
export function formatNabReport(report: NabReport, sensitivity: number): string {
  const fileRows = report.files.map((file) => [file.key, ...cells(file)]);
  const categoryRows = report.categories.map((category) => [category.category, ...cells(category)]);
  return [
    `NAB standard profile, detector at default sensitivity ${sensitivity}`,
    '',
    table([['file', ...HEADER.slice(1)], ...fileRows]),
    '',
    table([['category', ...HEADER.slice(1)], ...categoryRows, ['overall', ...cells(report.overall)]]),
    '',
    `Standard score at default sensitivity: ${report.overall.normalised.toFixed(1)}`,
    `Standard score at best single threshold (anomaly_score >= ${report.best.threshold.toFixed(4)}): ${report.best.normalised.toFixed(1)}`,
    '',
  ].join('\n');
}

function cells(line: NabScoreLine): string[] {
  const { score } = line;
  return [
    Number.isNaN(line.normalised) ? 'n/a' : line.normalised.toFixed(1),
    score.score.toFixed(2),
    String(score.truePositiveWindows),
    String(score.missedWindows),
    String(score.falsePositives),
    String(score.windows),
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '))
    .join('\n');
}

/** Missed windows and false-positive alert times per file, for the people tuning the detector. */
export function formatMisses(files: readonly { key: string; missedWindows: string[]; falsePositives: string[] }[]): string {
  const lines = ['', 'Missed windows (no alert inside):'];
  for (const file of files) for (const window of file.missedWindows) lines.push(`  ${file.key}  ${window}`);
  lines.push('False positives (alerts outside every window, after the probationary period):');
  for (const file of files) if (file.falsePositives.length > 0) lines.push(`  ${file.key}  ${file.falsePositives.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
