import { CliError } from '../errors.js';

/** Parses a `--sensitivity` option: absent → undefined (the default), otherwise a number in [0, 1]. */
export function parseSensitivity(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new CliError(`--sensitivity must be a number between 0 and 1, got "${text}".`);
  }
  return value;
}
