/** An item read back from the store does not match its schema; names the item's key so it can be found and fixed. */
export class StoreItemInvalidError extends Error {
  override readonly name = 'StoreItemInvalidError';
  constructor(
    readonly key: { pk: string; sk: string },
    readonly problem: string,
  ) {
    super(`store item ${key.pk} / ${key.sk} is invalid: ${problem}`);
  }
}

/** DynamoDB kept returning unprocessed items or keys after every bounded retry. */
export class StoreThrottledError extends Error {
  override readonly name = 'StoreThrottledError';
  constructor(
    readonly operation: 'BatchWriteItem' | 'BatchGetItem',
    readonly remaining: number,
    attempts: number,
  ) {
    super(`${operation} still had ${remaining} unprocessed item(s) after ${attempts} attempts; the table is throttling`);
  }
}

/** A value the store cannot represent faithfully (e.g. a non-finite metric value). */
export class StoreInputError extends Error {
  override readonly name = 'StoreInputError';
}
