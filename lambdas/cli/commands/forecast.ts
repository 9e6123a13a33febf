import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { ForecastInputError, forecastSeries, type Forecast } from '../../engine/forecast/forecast.js';
import { parseSeriesCsv, SeriesParseError } from '../../engine/series/parse-csv.js';
import { CliError } from '../errors.js';

/** Longest horizon accepted: a year of 5-minute steps; beyond that an interval means nothing. */
const MAX_HORIZON = 105_120;

const ForecastCommandOptionsSchema = z.object({
  csv: z.string().min(1),
  horizon: z
    .string()
    .regex(/^\d+$/, { message: 'must be a positive whole number of steps' })
    .transform(Number)
    .pipe(z.number().int().min(1, { message: 'must be at least 1' }).max(MAX_HORIZON, { message: `must be at most ${MAX_HORIZON}` })),
  format: z.enum(['csv', 'json'], { message: 'must be csv or json' }).default('csv'),
});
export type ForecastCommandOptions = z.output<typeof ForecastCommandOptionsSchema>;

/**
 * `headroom forecast --csv FILE --horizon H [--format csv|json]`: forecasts H steps after the file's
 * last row. Timestamps are printed in ISO 8601 UTC whatever the input format; the step is the
 * input's (median spacing). JSON: `{ model, step (ISO 8601 duration), seasonPeriods, points: [{ timestamp, forecast, lower80, upper80 }] }`.
 */
export function registerForecast(program: Command): void {
  program
    .command('forecast')
    .description('Forecast the next H steps of a timestamp,value CSV with an 80 % prediction interval (timestamps printed in ISO 8601 UTC)')
    .requiredOption('--csv <file>', 'input CSV with timestamp,value rows (header optional)')
    .requiredOption('--horizon <steps>', 'how many future steps to forecast, at the input step')
    .option('--format <format>', 'output format: csv or json', 'csv')
    .action(async (raw: Record<string, unknown>) => {
      const parsed = ForecastCommandOptionsSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CliError(`--${String(issue.path[0])} ${issue.message}.`);
      }
      const text = await readInput(parsed.data.csv);
      process.stdout.write(runForecast(text, parsed.data));
    });
}

/** Parses the CSV text, forecasts, and renders the output; input problems become one-sentence CliErrors. */
export function runForecast(csvText: string, options: Pick<ForecastCommandOptions, 'horizon' | 'format'>): string {
  let result: Forecast;
  try {
    const rows = parseSeriesCsv(csvText);
    result = forecastSeries({ timestamps: rows.map((row) => row.timestamp), values: rows.map((row) => row.value) }, options.horizon);
  } catch (error) {
    if (error instanceof SeriesParseError || error instanceof ForecastInputError) throw new CliError(`cannot forecast: ${error.message}`);
    throw error;
  }
  return options.format === 'json' ? renderJson(result) : renderCsv(result);
}

async function readInput(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new CliError(`cannot read ${path} (${reason}).`);
  }
}

function renderCsv(result: Forecast): string {
  const lines = ['timestamp,forecast,lower80,upper80'];
  result.timestamps.forEach((timestamp, i) => {
    lines.push([new Date(timestamp).toISOString(), formatNumber(result.forecast[i]), formatNumber(result.lower80[i]), formatNumber(result.upper80[i])].join(','));
  });
  return `${lines.join('\n')}\n`;
}

function renderJson(result: Forecast): string {
  const points = result.timestamps.map((timestamp, i) => ({
    timestamp: new Date(timestamp).toISOString(),
    forecast: Number(formatNumber(result.forecast[i])),
    lower80: Number(formatNumber(result.lower80[i])),
    upper80: Number(formatNumber(result.upper80[i])),
  }));
  return `${JSON.stringify({ model: result.model, step: isoDuration(result.stepMs), seasonPeriods: result.seasonPeriods, points })}\n`;
}

/** Ten significant digits: far below any metric's precision, and no 0.30000000000000004 noise. */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(10)));
}

/** Milliseconds as an ISO 8601 duration: 300000 → "PT5M", 86400000 → "P1D", 90061000 → "P1DT1H1M1S". */
export function isoDuration(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let rest = ms - days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  const seconds = (rest - minutes * 60_000) / 1000;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
  const duration = `${days ? `${days}D` : ''}${time ? `T${time}` : ''}`;
  return duration === '' ? 'PT0S' : `P${duration}`;
}
