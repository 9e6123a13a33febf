import { z } from 'zod';
import { DEFAULT_PARAMETERS, type DetectorParameters } from './parameters.js';
import { NOTHING_UNUSUAL, StreamingDetector, type Detection } from './streaming-detector.js';

/**
 * Default sensitivity in [0, 1]: one setting for every metric. Higher means more alerts; the alert
 * threshold on the anomaly score is 1 − sensitivity.
 */
export const DEFAULT_SENSITIVITY = 0.5;

export const DetectOptionsSchema = z.object({
  sensitivity: z.number().min(0).max(1).optional(),
});

export type DetectOptions = z.infer<typeof DetectOptionsSchema> & {
  /** For experiments and tests only; the product always uses the defaults. */
  parameters?: Partial<DetectorParameters>;
};

export interface SeriesPoint {
  /** Epoch milliseconds. Only the order of points matters to the detector; steps may be irregular. */
  timestamp: number;
  value: number | null;
}

/**
 * Scores every point of a series for anomalies, causally: result t depends only on points 0..t.
 * Returns one `{ score, alert }` per input point, same order. A point whose value is null or not
 * finite gets score 0 and no alert and is not fed to the detector (a gap, not a zero).
 * Points are taken in the given order; repeated timestamps are simply consecutive observations.
 */
export function detectAnomalies(points: readonly SeriesPoint[], options: DetectOptions = {}): Detection[] {
  const { sensitivity = DEFAULT_SENSITIVITY } = DetectOptionsSchema.parse({ sensitivity: options.sensitivity });
  const detector = new StreamingDetector({ ...DEFAULT_PARAMETERS, ...options.parameters }, 1 - sensitivity);
  return points.map((point) => {
    const value = point.value;
    if (value === null || !Number.isFinite(value)) return NOTHING_UNUSUAL;
    return detector.next(point.timestamp, value);
  });
}
