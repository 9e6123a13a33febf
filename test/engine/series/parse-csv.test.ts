import { describe, expect, it } from 'vitest';
import { parseSeriesCsv, parseTimestamp, SeriesParseError } from '../../../lambdas/engine/series/parse-csv.js';

describe('parseTimestamp', () => {
  it('reads NAB/CloudWatch naive timestamps as UTC, ISO 8601 with offsets, and epoch seconds or milliseconds', () => {
    const expected = Date.UTC(2014, 1, 14, 14, 30);
    expect(parseTimestamp('2014-02-14 14:30:00')).toBe(expected);
    expect(parseTimestamp('2014-02-14T14:30:00Z')).toBe(expected);
    expect(parseTimestamp('2014-02-14T15:30:00+01:00')).toBe(expected);
    expect(parseTimestamp('2014-02-14 14:30:00.000000')).toBe(expected);
    expect(parseTimestamp(String(expected / 1000))).toBe(expected);
    expect(parseTimestamp(String(expected))).toBe(expected);
    expect(parseTimestamp('2014-02-14')).toBe(Date.UTC(2014, 1, 14));
  });

  it('rejects text that only a lenient date parser would accept', () => {
    expect(parseTimestamp('day 2')).toBeNull();
    expect(parseTimestamp('Feb 14 2014')).toBeNull();
    expect(parseTimestamp('2014-13-45 10:00')).toBeNull();
  });
});

describe('parseSeriesCsv', () => {
  it('skips a header and blank lines, keeps empty or non-numeric values as null rows with their line numbers', () => {
    const rows = parseSeriesCsv('timestamp,value\n2014-02-14 14:30:00,1.5\n\n2014-02-14 14:35:00,\n2014-02-14 14:40:00,abc\n');
    expect(rows.map((row) => [row.line, row.value])).toEqual([
      [2, 1.5],
      [4, null],
      [5, null],
    ]);
  });

  it('names the line of a bad timestamp', () => {
    expect(() => parseSeriesCsv('timestamp,value\n2014-02-14 14:30:00,1\nday 2,3\n')).toThrowError(new SeriesParseError(3, '"day 2" is not a timestamp'));
  });
});
