import { parseSeriesCsv, SeriesParseError, type SeriesRow } from '../../engine/series/parse-csv.js';
import { CliError } from '../errors.js';
import { readTextFile } from './read-text-file.js';

/** Reads and parses a `timestamp,value` CSV file; a parse error names the file and the line. */
export function readSeriesFile(path: string): SeriesRow[] {
  const text = readTextFile(path, 'series file');
  try {
    return parseSeriesCsv(text);
  } catch (error) {
    if (error instanceof SeriesParseError) throw new CliError(`${path} ${error.message}.`);
    throw error;
  }
}
