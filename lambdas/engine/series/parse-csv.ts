/** One row of a `timestamp,value` file. `value` is null when the cell is empty or not a number. */
export interface SeriesRow {
  /** 1-based line number in the input, for error messages. */
  line: number;
  /** The timestamp exactly as written, echoed back in outputs. */
  timestampText: string;
  /** Epoch milliseconds, UTC. */
  timestamp: number;
  /** The value cell exactly as written (unquoted, trimmed), echoed back in outputs. */
  valueText: string;
  value: number | null;
}

export class SeriesParseError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'SeriesParseError';
  }
}

/** `YYYY-MM-DD`, optionally `[T ]HH:MM[:SS[.fff]]`, optionally a `Z` or `±HH[:]MM` offset. */
const ISO_LIKE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses ISO 8601 (`YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH:MM]`, also with a space for the `T`; no offset means
 * UTC, as NAB and CloudWatch exports are) or epoch seconds/milliseconds. Anything else is null: Date.parse
 * alone would accept text such as "day 2".
 */
export function parseTimestamp(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{9,10}(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  if (/^\d{12,13}$/.test(trimmed)) return Number(trimmed);
  const match = ISO_LIKE.exec(trimmed);
  if (!match) return null;
  const [, date, time = '00:00', offset = 'Z'] = match;
  const ms = Date.parse(`${date}T${time}${offset}`);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Parses `timestamp,value` CSV text (header optional, blank lines ignored). A bad timestamp is an
 * error naming its line; an empty or non-numeric value is kept as a row with `value: null` so callers
 * can echo every input row.
 */
export function parseSeriesCsv(text: string): SeriesRow[] {
  const rows: SeriesRow[] = [];
  const lines = text.split(/\r?\n/);
  let firstLine = true;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index].trim();
    if (raw === '') continue;
    const line = index + 1;
    const wasFirstLine = firstLine;
    firstLine = false;
    const cells = raw.split(',');
    if (cells.length < 2) throw new SeriesParseError(line, `expected "timestamp,value", got "${raw.slice(0, 60)}"`);
    const timestampText = cells[0].trim().replace(/^"|"$/g, '');
    const valueText = cells[1].trim().replace(/^"|"$/g, '');
    const timestamp = parseTimestamp(timestampText);
    if (timestamp === null) {
      if (wasFirstLine && !/\d/.test(timestampText)) continue; // header row: only the first non-blank line can be one
      throw new SeriesParseError(line, `"${timestampText}" is not a timestamp`);
    }
    const value = valueText === '' ? null : Number(valueText);
    rows.push({ line, timestampText, timestamp, valueText, value: value !== null && Number.isFinite(value) ? value : null });
  }
  return rows;
}
