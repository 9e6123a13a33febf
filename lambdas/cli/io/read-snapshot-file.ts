import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { z } from 'zod';
import { createSeriesDecoder, decodeSnapshotSeries } from '../../engine/types/compact-series.js';
import { SnapshotContentsSchema, SnapshotSchema, SnapshotSeriesSchema, type MetricSeries, type Snapshot } from '../../engine/types/snapshot.js';
import { CliError } from '../errors.js';
import { readTextFile } from './read-text-file.js';

/**
 * Files above this size are read line by line when they have the layout write-snapshot-file.ts writes (each series
 * validated and decoded as it is read, so the text is never held whole); smaller ones are parsed whole, any layout.
 */
export const LINE_READER_ABOVE_BYTES = 64 * 1024 * 1024;
/**
 * The largest file parsed whole: V8 strings hold at most 2²⁹ − 24 characters (~512 MiB), so a larger snapshot must
 * use the line layout (a 10,000-resource one is ~650 MB even compact).
 */
export const WHOLE_FILE_MAX_BYTES = 2 ** 29 - 24;

const HEAD_END = '"series":[';
/** Bytes read from the file at a time. */
const READ_CHUNK_BYTES = 4 * 1024 * 1024;

export interface ReadSnapshotOptions {
  /** Default LINE_READER_ABOVE_BYTES. */
  lineReaderAboveBytes?: number;
  /** Default WHOLE_FILE_MAX_BYTES. */
  wholeFileMaxBytes?: number;
}

/**
 * Reads and validates a snapshot file; a bad one becomes one sentence naming the first invalid path (a CliError).
 * Large files in Headroom's one-series-per-line layout are read line by line, others whole up to V8's string limit.
 */
export function readSnapshotFile(path: string, options: ReadSnapshotOptions = {}): Snapshot {
  const size = fileSize(path);
  if (size > (options.lineReaderAboveBytes ?? LINE_READER_ABOVE_BYTES) && hasLineLayout(path)) return readByLines(path);
  const max = options.wholeFileMaxBytes ?? WHOLE_FILE_MAX_BYTES;
  if (size > max) {
    throw new CliError(
      `${path} is larger than ${Math.floor(max / (1024 * 1024))} MiB, the most read whole, and not in the one-series-per-line layout Headroom writes (see the series description in schema/snapshot.schema.json).`,
    );
  }
  return readWhole(path);
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    readTextFile(path, 'snapshot'); // throws the same one-sentence CliError as every other file the CLI reads
    throw new CliError(`Cannot read snapshot ${path}.`);
  }
}

/** Whether the file's first line ends with `"series":[` (scanning to the first newline, not holding the line). */
function hasLineLayout(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    const end = Buffer.from(HEAD_END);
    let tail = Buffer.alloc(0);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return false;
      const newline = chunk.subarray(0, read).indexOf(10);
      const before = Buffer.concat([tail, chunk.subarray(0, newline === -1 ? read : newline)]);
      const line = before.subarray(Math.max(0, before.length - end.length - 1));
      if (newline !== -1) return line.toString('latin1').replace(/\r$/, '').endsWith(HEAD_END);
      tail = Buffer.from(line);
    }
  } finally {
    closeSync(fd);
  }
}

function readWhole(path: string): Snapshot {
  const text = readTextFile(path, 'snapshot');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not valid JSON (${(error as Error).message}).`);
  }
  return validated(path, SnapshotSchema.safeParse(json), []);
}

/**
 * The line layout (SnapshotSchema's `series` description): line 1 ends with `"series":[`, then one series per line
 * (a trailing comma allowed), then a line starting with `]` that closes the document. Each series is validated and
 * decoded as it is read, so the file's text is never held whole.
 */
function readByLines(path: string): Snapshot {
  const decode = createSeriesDecoder();
  const series: MetricSeries[] = [];
  let head: Record<string, unknown> | undefined;
  let tail: Record<string, unknown> | undefined;
  let lineNumber = 0;
  for (const line of fileLines(path)) {
    lineNumber++;
    if (head === undefined) {
      head = parseLine(path, lineNumber, `${line}]}`) as Record<string, unknown>;
    } else if (tail !== undefined) {
      if (line.trim() !== '') throw new CliError(`${path} line ${lineNumber}: nothing may follow the line that closes the series.`);
    } else if (line.startsWith(']')) {
      tail = parseLine(path, lineNumber, `{"series":[${line}`) as Record<string, unknown>;
    } else {
      const index = series.length;
      const entry = validated(path, SnapshotSeriesSchema.safeParse(parseLine(path, lineNumber, line.endsWith(',') ? line.slice(0, -1) : line)), ['series', index]);
      const decoded = decodeSnapshotSeries(entry, decode);
      if ('error' in decoded) throw new CliError(`${path} is not a valid snapshot: at ${['series', index, ...decoded.path].join('.')}, ${decoded.error}.`);
      series.push(decoded.series);
    }
  }
  if (head === undefined) throw new CliError(`${path} is empty.`);
  if (tail === undefined) throw new CliError(`${path} ends before the line that closes its series (a line starting with "]").`);
  const rest = validated(path, SnapshotSchema.safeParse({ ...head, ...tail, series: [] }), []);
  return validated(path, SnapshotContentsSchema.safeParse({ ...rest, series }), []);
}

function parseLine(path: string, lineNumber: number, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} line ${lineNumber} is not valid JSON (${(error as Error).message}).`);
  }
}

function validated<T>(path: string, parsed: z.ZodSafeParseResult<T>, prefix: (string | number)[]): T {
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = [...prefix, ...issue.path].map(String).join('.') || '(root)';
  throw new CliError(`${path} is not a valid snapshot: at ${where}, ${issue.message}.`);
}

/** The file's lines (without `\n` or `\r\n`), read synchronously a chunk at a time. */
function* fileLines(path: string): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    let carry: Buffer[] = [];
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      let from = 0;
      for (let newline = chunk.indexOf(10, from); newline !== -1 && newline < read; newline = chunk.indexOf(10, from)) {
        const piece = chunk.subarray(from, newline);
        yield lineText(carry.length === 0 ? piece : Buffer.concat([...carry, piece]));
        carry = [];
        from = newline + 1;
      }
      if (from < read) carry.push(Buffer.from(chunk.subarray(from, read)));
    }
    if (carry.length > 0) yield lineText(Buffer.concat(carry));
  } finally {
    closeSync(fd);
  }
}

function lineText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
