/** Helpers shared by the benchmark scripts. */

/** `--name N` from the command line: a positive integer, or `fallback` when absent. */
export function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got "${process.argv[index + 1]}"`);
  return value;
}

/** xorshift32: a fast deterministic generator of numbers in [0, 1), so runs are comparable. */
export function generator(seed: number): () => number {
  let state = seed || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
