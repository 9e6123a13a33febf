import type { HandlerRole } from './handlers.js';

/**
 * Who may write what in the single table (docs/safe-apply.md "Least privilege"): every item kind owns partition-key
 * prefixes (lambdas/shared/store/keys.ts), and each function may write only the kinds listed for it, enforced by IAM
 * with dynamodb:LeadingKeys. Everyone may read. Audit records are append-only: their writers get PutItem alone (no
 * UpdateItem, DeleteItem or BatchWriteItem), and no function but the auditing ones can touch them.
 *
 * To add an item kind (e.g. an anomaly acknowledgement written by the interactions function): give it its own
 * partition prefix in keys.ts, add it to ITEM_KINDS, and append it to its writers' lists in TABLE_WRITERS. The test
 * test/lib/table-access.test.ts checks every partition the store writes belongs to a kind.
 */
export const ITEM_KINDS = {
  inventory: ['INV#*', 'ARN#*', 'SCOPES'],
  costs: ['COST#*', 'COSTFORECAST', 'COMMITMENTS', 'SCOPES'],
  prices: ['PRICES'],
  cache: ['CACHE#*'],
  issues: ['ISSUES'],
  /** A run's batches, findings, actions, forecasts, anomalies, API call counts; the run index. */
  runs: ['RUN#*', 'RUNS'],
  realisedSavings: ['REALISED'],
  decisions: ['ACTION#*', 'APPROVALS'],
  audit: ['AUDIT#*'],
} as const satisfies Record<string, readonly string[]>;

export type ItemKind = keyof typeof ITEM_KINDS;

/** Kinds written with PutItem only (append-only, keys unguessable: lambdas/shared/store/table-store.ts appendAudit). */
export const APPEND_ONLY_KINDS: readonly ItemKind[] = ['audit'];

const COLLECTOR: ItemKind[] = ['inventory', 'costs', 'prices', 'cache', 'issues', 'runs'];
const APPLY_STEP: ItemKind[] = ['decisions', 'audit'];

export const TABLE_WRITERS: Record<HandlerRole, readonly ItemKind[]> = {
  'collect-cloudwatch': COLLECTOR,
  'collect-cost-explorer': COLLECTOR,
  'collect-compute-optimizer': COLLECTOR,
  'collect-inventory': COLLECTOR,
  'collect-pricing': COLLECTOR,
  plan: ['runs'],
  'analyse-batch': ['runs'],
  forecast: ['runs'],
  prioritise: ['runs'],
  'persist-run': ['runs', 'realisedSavings'],
  'notify-slack': [],
  'notify-email': [],
  interactions: ['decisions', 'audit'],
  precheck: APPLY_STEP,
  'rollback-point': APPLY_STEP,
  apply: APPLY_STEP,
  validate: APPLY_STEP,
  rollback: APPLY_STEP,
  'notify-outcome': APPLY_STEP,
  'apply-watchdog': APPLY_STEP,
};

export interface TableWriteStatement {
  actions: string[];
  leadingKeys: string[];
}

/** The write statements of a role: one for its ordinary kinds, one PutItem-only for its append-only kinds. */
export function tableWriteStatements(role: HandlerRole): TableWriteStatement[] {
  const kinds = TABLE_WRITERS[role];
  const prefixes = (list: readonly ItemKind[]) => [...new Set(list.flatMap((kind) => ITEM_KINDS[kind]))];
  const ordinary = kinds.filter((kind) => !APPEND_ONLY_KINDS.includes(kind));
  const appendOnly = kinds.filter((kind) => APPEND_ONLY_KINDS.includes(kind));
  const statements: TableWriteStatement[] = [];
  if (ordinary.length > 0) statements.push({ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'], leadingKeys: prefixes(ordinary) });
  if (appendOnly.length > 0) statements.push({ actions: ['dynamodb:PutItem'], leadingKeys: prefixes(appendOnly) });
  return statements;
}
