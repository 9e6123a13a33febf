import type { ApplyState, RollbackPoint } from './apply-state.js';
import { audit, auditingFailure, loadApproval, type ApplyStepDeps } from './deps.js';

/** Records the configuration to restore, read from AWS just before the change. */
export async function runRollbackPoint(state: ApplyState, deps: ApplyStepDeps): Promise<RollbackPoint> {
  const { action, executor } = await loadApproval(deps, state);
  const before = await auditingFailure(deps, state, 'rollback-point-failed', { resourceArn: action.resource.arn }, () => executor.snapshot(action, deps.context));
  const point: RollbackPoint = { recordedAt: deps.now().toISOString(), before };
  await audit(deps, state, 'rollback-point', { resourceArn: action.resource.arn, before });
  return point;
}
