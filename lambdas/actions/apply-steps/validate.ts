import { detectRegression, DEFAULT_ALPHA } from '../validation/regression-test.js';
import { fetchMetricSamples, type MetricWindow } from '../validation/fetch-metric-samples.js';
import { ApplyResultSchema, ApplyStepError, type ApplyState, type ValidationResult } from './apply-state.js';
import { audit, loadApproval, type ApplyStepDeps } from './deps.js';

/**
 * Validation against the pre-change baseline. The "after" window is the bake period (applied → now);
 * the "before" window ends at the rollback point and is as long as the after window, clamped to
 * [1 hour, 7 days] so a short bake still has a meaningful baseline. Metrics at 60-second periods
 * (kept 15 days by CloudWatch, longer than any window here). Any metric that regresses (see
 * regression-test.ts) marks the change regressed; the state machine then rolls it back.
 */
export const TEST_NAME = `one-sided Mann-Whitney U, alpha ${DEFAULT_ALPHA}, with minimum effect size`;
const PERIOD_SECONDS = 60;
const MIN_BASELINE_MS = 3_600_000;
const MAX_BASELINE_MS = 7 * 86_400_000;

export function validationWindows(recordedAt: Date, appliedAt: Date, now: Date): { before: MetricWindow; after: MetricWindow } {
  const bakeMs = Math.max(0, now.getTime() - appliedAt.getTime());
  const baselineMs = Math.min(MAX_BASELINE_MS, Math.max(MIN_BASELINE_MS, bakeMs));
  return {
    before: { start: new Date(recordedAt.getTime() - baselineMs), end: recordedAt, periodSeconds: PERIOD_SECONDS },
    after: { start: appliedAt, end: now, periodSeconds: PERIOD_SECONDS },
  };
}

export async function runValidate(state: ApplyState, deps: ApplyStepDeps): Promise<ValidationResult> {
  const applied = ApplyResultSchema.safeParse(state.apply);
  if (!state.rollbackPoint || !applied.success) {
    throw new ApplyStepError(`Cannot validate action ${state.actionId}: the state has no rollback point or apply result.`);
  }
  const { action, executor } = await loadApproval(deps, state);
  const windows = validationWindows(new Date(state.rollbackPoint.recordedAt), new Date(applied.data.appliedAt), deps.now());
  const cloudwatch = deps.context.cloudwatch(action.resource.region);
  const metrics: Record<string, unknown> = {};
  let regressed = false;
  for (const metric of executor.validationMetrics(action)) {
    const before = await fetchMetricSamples(cloudwatch, metric, windows.before);
    const after = await fetchMetricSamples(cloudwatch, metric, windows.after);
    const verdict = detectRegression(before, after, metric);
    metrics[metric.name] = { unit: metric.unit, ...verdict };
    regressed ||= verdict.regressed;
  }
  const result: ValidationResult = {
    regressed,
    test: TEST_NAME,
    details: {
      before: { start: windows.before.start.toISOString(), end: windows.before.end.toISOString() },
      after: { start: windows.after.start.toISOString(), end: windows.after.end.toISOString() },
      periodSeconds: PERIOD_SECONDS,
      metrics,
    },
  };
  await audit(deps, state, 'validated', { regressed, test: TEST_NAME, metrics });
  return result;
}
