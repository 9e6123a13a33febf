/**
 * A point forecaster. It reads the first `length` values of `history` (complete, no NaN: backtests
 * pass shorter prefixes of the same array instead of copying) and writes `out[0..horizon)`, the
 * forecasts for slots `length … length + horizon − 1`.
 */
export interface PointModel {
  name: string;
  /** The fewest history slots the model needs. */
  minLength: number;
  predict(history: Float64Array, length: number, horizon: number, out: Float64Array): void;
}
