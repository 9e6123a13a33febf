import type { AccountRule } from '../account-rule.js';
import { savingsPlans } from './savings-plans.js';
import { insightActions } from './insight-actions.js';

/**
 * Every account-level rule, in the order they run (fixed, so output is deterministic). Savings Plans sizing reads
 * only the per-resource findings (input.findings), never another account rule's output.
 */
export const accountRules: AccountRule[] = [savingsPlans, insightActions];
