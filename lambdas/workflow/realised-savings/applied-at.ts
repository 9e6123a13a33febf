import type { AuditRecord } from '../../shared/store/store.js';

/**
 * When the change that stuck was applied, from the action's audit trail (lambdas/actions/apply-steps): the latest
 * 'outcome-applied' record (the workflow finished and kept the change) and the 'applied' record of that execution,
 * i.e. the latest 'applied' at or before it. Undefined when no execution ended 'applied' (not yet, failed, rolled back).
 * Epoch ms.
 */
export function appliedAtFromAudit(records: readonly AuditRecord[]): number | undefined {
  const at = (record: AuditRecord) => Date.parse(record.at);
  const outcomes = records.filter((r) => r.event === 'outcome-applied').sort((a, b) => at(a) - at(b));
  const outcome = outcomes.at(-1);
  if (!outcome) return undefined;
  const applied = records
    .filter((r) => r.event === 'applied' && at(r) <= at(outcome))
    .sort((a, b) => at(a) - at(b))
    .at(-1);
  return applied ? at(applied) : undefined;
}
