import { z } from 'zod';
import { backtestHorizon, meanAbsoluteError, runBacktest } from './backtest.js';
import { candidateModels } from './candidates.js';
import { combinationWeights, weightedSum } from './combine.js';
import { ForecastInputError } from './errors.js';
import { fillGaps } from './fill-gaps.js';
import { calibrationResiduals } from './calibration-residuals.js';
import { conformalOffsets } from './conformal.js';
import { growthExponent, intervalScale } from './intervals.js';
import { regularise } from './regularise.js';
import { candidateSeasonPeriods } from './seasonality.js';

export { ForecastInputError } from './errors.js';
export { crossingTime } from './crossing-time.js';

/**
 * Fewest backtested slots models are chosen on: a day of 5-minute slots. An hourly series then compares
 * models over 12 days rather than 3, at the cost a 5-minute series already pays.
 */
const MIN_SELECTION_SLOTS = 288;

/** The fewest observations a forecast is attempted from. */
export const MIN_OBSERVATIONS = 10;

export const ForecastOptionsSchema = z.object({
  /** Coverage of the prediction interval (0.8 gives the 80 % interval the product reports). */
  level: z.number().gt(0.5).lt(1).default(0.8),
  /** Season lengths in slots; by default daily and weekly seasons are tried when the history allows. */
  seasonPeriods: z.array(z.number().int().min(2)).optional(),
  /** Step of the series in ms; inferred from the timestamps by default. */
  stepMs: z.number().positive().optional(),
  /**
   * Fewest rolling origins the models are chosen on; more are used when a backtest span is short (see
   * selectionOrigins). The interval is calibrated on up to MAX_CALIBRATION_ORIGINS.
   */
  backtestOrigins: z.number().int().min(2).max(20).default(3),
  /** Models within this relative MAE of the best backtested model join the ensemble. */
  ensembleTolerance: z.number().min(0).max(10).default(0.1),
  /** Most models averaged. */
  ensembleSize: z.number().int().min(1).max(10).default(3),
  /** Forecasts and bounds are clamped at 0 when the history never goes below 0 (costs, counts, utilisation). */
  clampNonNegative: z.boolean().default(true),
});
export type ForecastOptions = z.input<typeof ForecastOptionsSchema>;

export interface ForecastInput {
  /** Epoch milliseconds; any order, repeats and gaps allowed. */
  timestamps: number[];
  /** null (or NaN) for a missing observation. */
  values: (number | null)[];
}

export interface Forecast {
  stepMs: number;
  /** Epoch ms of each forecast slot: the last history slot + k·step, k = 1…horizon. */
  timestamps: number[];
  forecast: number[];
  /** Bounds of the prediction interval at `options.level` (80 % by default); lower80 ≤ forecast ≤ upper80. */
  lower80: number[];
  upper80: number[];
  /** The ensemble members, e.g. `ensemble(seasonal-profile(288x7,level 12)+recent-median(12))`. */
  model: string;
  /** Seasons (in slots) the models were allowed to use. */
  seasonPeriods: number[];
}

/**
 * Forecasts `horizon` slots after the last timestamp, with a prediction interval.
 *
 * 1. Regularise onto the inferred step (repeats averaged, gaps filled: see regularise, fillGaps).
 * 2. Candidate models for the daily/weekly seasons the history can support (candidateModels).
 * 3. Rolling-origin backtest inside the history over max(horizon, a season) leads (backtestHorizon), from
 *    selectionOrigins origins; the models within `ensembleTolerance` of the best MAE are averaged
 *    (combinationWeights).
 * 4. The interval is split-conformal: the ensemble's out-of-sample residuals from up to 28 origins
 *    (calibrationResiduals), quantiles per lead bucket widened until held-out origins are covered at
 *    the level (conformalOffsets), and beyond the backtested horizon widened by (lead/backtested lead)^α,
 *    α ∈ [½, 1] measured from how those errors grow (growthExponent). See docs/forecasting.md.
 */
export function forecastSeries(input: ForecastInput, horizon: number, options: ForecastOptions = {}): Forecast {
  const settings = ForecastOptionsSchema.parse(options);
  if (!Number.isInteger(horizon) || horizon < 1) throw new ForecastInputError(`horizon must be a positive integer, got ${horizon}.`);
  const grid = regularise(input.timestamps, input.values, settings.stepMs);
  const history = grid.values;
  const observedCount = countObserved(history);
  if (observedCount < MIN_OBSERVATIONS) {
    throw new ForecastInputError(`the series has ${observedCount} observations; at least ${MIN_OBSERVATIONS} are needed to forecast.`);
  }
  const periods = (settings.seasonPeriods ?? candidateSeasonPeriods(grid.stepMs, history.length)).filter((period) => history.length >= 2 * period);
  periods.sort((a, b) => a - b);
  const observed = new Uint8Array(history.length);
  for (let t = 0; t < history.length; t++) observed[t] = Number.isNaN(history[t]) ? 0 : 1;
  fillGaps(history, periods[0]);

  const span = backtestHorizon(horizon, periods[0], history.length, settings.backtestOrigins);
  const models = candidateModels(periods).filter((model) => model.minLength <= history.length - settings.backtestOrigins * span);
  if (models.length === 0) throw new ForecastInputError(`the series is too short (${history.length} slots) to backtest any model.`);
  const origins = selectionOrigins(settings.backtestOrigins, span, history.length, models);

  const backtest = runBacktest(history, models, span, origins);
  const errors = backtest.predictions.map((prediction) => meanAbsoluteError(backtest.actuals, prediction));
  const weights = combinationWeights(errors, settings.ensembleTolerance, settings.ensembleSize);
  const backtestEnsemble = new Float64Array(backtest.actuals.length);
  weightedSum(backtest.predictions, weights, backtestEnsemble.length, backtestEnsemble);
  const calibration = calibrationResiduals(history, observed, models, weights, backtest, backtestEnsemble);
  const offsets = conformalOffsets(calibration, settings.level);
  const growth = growthExponent(calibration.residuals, span);

  const memberForecasts = models.map((model, m) => {
    const out = new Float64Array(horizon);
    if (weights[m] > 0) model.predict(history, history.length, horizon, out);
    return out;
  });
  const point = new Float64Array(horizon);
  weightedSum(memberForecasts, weights, horizon, point);

  const floor = settings.clampNonNegative && minimum(history) >= 0 ? 0 : Number.NEGATIVE_INFINITY;
  const last = grid.start + (history.length - 1) * grid.stepMs;
  const result: Forecast = { stepMs: grid.stepMs, timestamps: [], forecast: [], lower80: [], upper80: [], model: '', seasonPeriods: periods };
  for (let i = 0; i < horizon; i++) {
    const scale = intervalScale(i, span, growth);
    const lead = Math.min(i, span - 1);
    result.timestamps.push(last + (i + 1) * grid.stepMs);
    const value = Math.max(floor, point[i]);
    result.forecast.push(value);
    // A biased backtest can put both offsets on one side; the interval still contains the forecast.
    result.lower80.push(Math.min(value, Math.max(floor, point[i] + scale * offsets.lower[lead])));
    result.upper80.push(Math.max(value, point[i] + scale * offsets.upper[lead]));
  }
  const members = models.filter((_, m) => weights[m] > 0).map((model) => model.name);
  result.model = members.length === 1 ? members[0] : `ensemble(${members.join(' + ')})`;
  return result;
}

/**
 * Origins the models are chosen on: at least `fewest`, more when the span is short, up to
 * ⌈MIN_SELECTION_SLOTS / span⌉, but never so many that a model fittable from `fewest` origins drops out
 * (every origin must leave each model its minLength of history).
 */
function selectionOrigins(fewest: number, span: number, length: number, models: readonly { minLength: number }[]): number {
  const longestNeed = Math.max(...models.map((model) => model.minLength));
  return Math.max(fewest, Math.min(Math.ceil(MIN_SELECTION_SLOTS / span), Math.floor((length - longestNeed) / span)));
}

function countObserved(values: Float64Array): number {
  let count = 0;
  for (const value of values) if (!Number.isNaN(value)) count++;
  return count;
}

function minimum(values: Float64Array): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (const value of values) if (value < lowest) lowest = value;
  return lowest;
}
