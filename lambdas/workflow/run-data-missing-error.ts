/** The batch or run a task was pointed at is not in the store (the Map's Catch records the batch as failed). */
export class RunDataMissingError extends Error {
  override readonly name = 'RunDataMissingError';
}
