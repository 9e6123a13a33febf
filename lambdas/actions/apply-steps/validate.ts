import type { ExecutorContext, ValidationMetric, ValidationWindows } from '../executors/executor.js';
import { fetchMetricRows, periodsIn, type MetricRows, type MetricWindow } from '../validation/fetch-metric-samples.js';
import { levelTest } from '../validation/level-test.js';
import { presenceTest } from '../validation/presence-test.js';
import { rateTest, type RatePoint } from '../validation/rate-test.js';
import type { Verdict } from '../validation/verdict.js';
import { ApplyResultSchema, ApplyStepError, type ApplyState, type ValidationResult } from './apply-state.js';
import { audit, loadApproval, type ApplyStepDeps } from './deps.js';

/**
 * Validation against the pre-change baseline (docs/safe-apply.md). The "after" window is the bake (applied → now);
 * the "before" window ends at the rollback point and is as long as the after window, clamped to [1 hour, 7 days].
 * Metrics at 60-second periods (kept 15 days by CloudWatch). Every metric first passes the presence test (vanishing
 * after the change is a regression for every type), then the level test (block Welch) or the rate test
 * (quasi-binomial/Poisson); the executor's checks (alarms, CloudTrail, target groups) run too. Any regression marks
 * the change regressed and the state machine rolls it back. When a metric cannot decide yet (too short or too sparse
 * an after-window) and nothing regressed, the verdict is `insufficient-data` and the state machine waits another bake
 * (ExtendBake), at most MAX_BAKE_EXTENSIONS times; still undecided after that, the change is rolled back as unvalidated.
 */
export const TEST_NAME = 'presence (binomial), level (block Welch t, AR(1)-corrected), rate (quasi-binomial/Poisson), alpha 0.01, with minimum effects';
export const MAX_BAKE_EXTENSIONS = 3;
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

/** Every period's start in the window, so a rate in time counts a period without a datapoint as 0 events. */
function grid(window: MetricWindow): number[] {
  return Array.from({ length: periodsIn(window) }, (_, i) => window.start.getTime() + i * window.periodSeconds * 1000);
}

function ratePoints(metric: Extract<ValidationMetric, { kind: 'rate' }>, rows: MetricRows, window: MetricWindow): { points: RatePoint[]; present: number } {
  if (!metric.exposure) {
    const byTime = new Map(rows.map((row) => [row.at, row.values.events]));
    const present = rows.filter((row) => row.values.events !== undefined).length;
    return { points: grid(window).map((at) => ({ events: byTime.get(at) ?? 0, exposure: 1 })), present };
  }
  const combine = metric.exposure.combine;
  const points = rows.flatMap((row) => {
    const exposure = combine(row.values);
    return exposure === undefined || !(exposure > 0) ? [] : [{ events: row.values.events ?? 0, exposure }];
  });
  return { points, present: points.length };
}

/** One metric's verdict: presence first, then its level or rate test. */
export async function judgeMetric(ctx: ExecutorContext, region: string, metric: ValidationMetric, windows: { before: MetricWindow; after: MetricWindow }): Promise<Verdict> {
  const cloudwatch = ctx.cloudwatch(region);
  const inputs = metric.kind === 'level' ? metric.inputs : { events: metric.events, ...(metric.exposure?.inputs ?? {}) };
  const [rowsBefore, rowsAfter] = [await fetchMetricRows(cloudwatch, inputs, windows.before), await fetchMetricRows(cloudwatch, inputs, windows.after)];
  let tested: Verdict;
  let presentBefore: number;
  let presentAfter: number;
  if (metric.kind === 'level') {
    const values = (rows: MetricRows) => rows.map((row) => metric.combine(row.values)).filter((v): v is number => v !== undefined && Number.isFinite(v));
    const before = values(rowsBefore);
    const after = values(rowsAfter);
    [presentBefore, presentAfter] = [before.length, after.length];
    tested = levelTest(before, after, metric);
  } else {
    const before = ratePoints(metric, rowsBefore, windows.before);
    const after = ratePoints(metric, rowsAfter, windows.after);
    [presentBefore, presentAfter] = [before.present, after.present];
    tested = rateTest(before.points, after.points, { ...metric, exposure: metric.exposure ? 'trials' : 'time' });
  }
  const presence = presenceTest(presentBefore, periodsIn(windows.before), presentAfter, periodsIn(windows.after));
  if (presence.regressed) return { ...presence, unit: metric.unit };
  if (presence.verdict === 'no-data') return { ...presence, unit: metric.unit };
  return { ...tested, unit: metric.unit, presence: presence.verdict };
}

export async function runValidate(state: ApplyState, deps: ApplyStepDeps): Promise<ValidationResult> {
  const applied = ApplyResultSchema.safeParse(state.apply);
  if (!state.rollbackPoint || !applied.success) {
    throw new ApplyStepError(`Cannot validate action ${state.actionId}: the state has no rollback point or apply result.`);
  }
  const { action, executor } = await loadApproval(deps, state);
  const windows = validationWindows(new Date(state.rollbackPoint.recordedAt), new Date(applied.data.appliedAt), deps.now());
  const plan = executor.validation(action);
  const verdicts: Record<string, Verdict> = {};
  for (const metric of plan.metrics) verdicts[metric.name] = await judgeMetric(deps.context, action.resource.region, metric, windows);
  const checkWindows: ValidationWindows = { ...windows, rollbackPoint: state.rollbackPoint.before };
  for (const check of plan.checks) verdicts[check.name] = await check.run(action, checkWindows, deps.context);

  const extensions = (state.validation?.extensions ?? 0) + (state.validation?.verdict === 'insufficient-data' ? 1 : 0);
  const anyRegressed = Object.values(verdicts).some((v) => v.regressed);
  const undecided = Object.entries(verdicts).filter(([, v]) => v.verdict === 'insufficient-data').map(([name]) => name);
  let verdict: ValidationResult['verdict'] = anyRegressed ? 'regressed' : undecided.length > 0 ? 'insufficient-data' : 'passed';
  // Fail closed: a change that could not be validated within the bounded extensions is not kept.
  if (verdict === 'insufficient-data' && extensions >= MAX_BAKE_EXTENSIONS) verdict = 'unvalidated';
  const result: ValidationResult = {
    regressed: verdict === 'regressed' || verdict === 'unvalidated',
    verdict,
    extensions,
    test: TEST_NAME,
    details: {
      before: { start: windows.before.start.toISOString(), end: windows.before.end.toISOString() },
      after: { start: windows.after.start.toISOString(), end: windows.after.end.toISOString() },
      periodSeconds: PERIOD_SECONDS,
      metrics: verdicts,
      ...(undecided.length > 0 ? { undecided } : {}),
    },
  };
  const event = verdict === 'insufficient-data' ? 'bake-extended' : 'validated';
  await audit(deps, state, event, { regressed: result.regressed, verdict, extensions, test: TEST_NAME, metrics: verdicts, ...(undecided.length > 0 ? { undecided } : {}) });
  return result;
}
