import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NabWindowsSchema, type NabWindows } from '../../engine/nab/labels.js';
import { CliError } from '../errors.js';
import { readTextFile } from './read-text-file.js';

/** One data file of a NAB-layout folder (`data/<category>/<file>.csv`). */
export interface NabDataFile {
  category: string;
  /** File name without `.csv`. */
  name: string;
  path: string;
  /** `<category>/<file>.csv`, the key NAB's labels use. */
  key: string;
}

/** Lists `data/<category>/*.csv` under a NAB-layout folder, sorted by key. */
export function listNabDataFiles(root: string): NabDataFile[] {
  const dataDir = join(root, 'data');
  if (!isDirectory(dataDir)) throw new CliError(`${root} is not a NAB-layout folder: ${dataDir} is missing.`);
  const files: NabDataFile[] = [];
  for (const category of readdirSync(dataDir).sort()) {
    const categoryDir = join(dataDir, category);
    if (!isDirectory(categoryDir)) continue;
    for (const file of readdirSync(categoryDir).sort()) {
      if (!file.endsWith('.csv')) continue;
      files.push({ category, name: file.slice(0, -4), path: join(categoryDir, file), key: `${category}/${file}` });
    }
  }
  if (files.length === 0) throw new CliError(`${dataDir} holds no <category>/*.csv file.`);
  return files;
}

/** Reads and validates `labels/combined_windows.json`. */
export function readNabWindows(root: string): NabWindows {
  const path = join(root, 'labels', 'combined_windows.json');
  const text = readTextFile(path, 'NAB labels file');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${path} is not valid JSON: ${(error as Error).message}.`);
  }
  const parsed = NabWindowsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`${path} is not a NAB windows file: at ${issue.path.join('.') || '(root)'}, ${issue.message}.`);
  }
  return parsed.data;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // absent: the caller reports it as a missing folder
  }
}
