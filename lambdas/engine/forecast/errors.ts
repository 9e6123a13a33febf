/** Input a forecast cannot be computed from (too short, bad horizon, unusable timestamps); the message is one sentence. */
export class ForecastInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForecastInputError';
  }
}
