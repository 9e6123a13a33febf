import { readFileSync } from 'node:fs';
import { CliError } from '../errors.js';

/** Reads a UTF-8 file; a missing or unreadable file becomes one clear sentence naming it. */
export function readTextFile(path: string, description: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new CliError(`Cannot read ${description} ${path}: ${reason}.`);
  }
}
