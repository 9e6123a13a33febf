/** Thrown when a statistic is asked of an empty sample or with a parameter out of range. */
export class StatsInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StatsInputError';
  }
}

/** Throws a StatsInputError naming `statistic` when `values` is empty. */
export function assertNonEmpty(values: readonly number[], statistic: string): void {
  if (values.length === 0) throw new StatsInputError(`${statistic} of an empty sample is undefined.`);
}
