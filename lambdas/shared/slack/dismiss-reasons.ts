import { z } from 'zod';

/**
 * Why someone dismissed an action. The digest offers these as the options of a "Dismiss…" select, so a
 * dismissal always carries its reason without a modal round trip (a static_select's choice arrives in the same
 * block_actions request Slack wants answered within 3 s). The code is stored in the audit record; the label is
 * what people read in Slack. `unspecified` is for clicks on the plain Dismiss button of messages posted before
 * reasons existed.
 */
export const DISMISS_REASONS = {
  'not-worth-it': 'Not worth the effort',
  intentional: 'Sized this way on purpose',
  'manual-change': 'We will change it by hand',
  'wrong-recommendation': 'The recommendation is wrong',
  unspecified: 'No reason given',
} as const;

export const DismissReasonSchema = z.enum(Object.keys(DISMISS_REASONS) as [keyof typeof DISMISS_REASONS, ...(keyof typeof DISMISS_REASONS)[]]);
export type DismissReason = z.infer<typeof DismissReasonSchema>;

/** The reasons offered in the select, in display order (unspecified is never offered). */
export const OFFERED_DISMISS_REASONS: readonly DismissReason[] = ['not-worth-it', 'intentional', 'manual-change', 'wrong-recommendation'];

/**
 * A select option's value: the JSON array `[reason, runId, actionId]`, compact because Slack caps option
 * values at 150 characters (a button's value may hold 2,000).
 */
export function encodeDismissOption(reason: DismissReason, runId: string, actionId: string): string {
  return JSON.stringify([reason, runId, actionId]);
}

export const DismissOptionSchema = z.tuple([DismissReasonSchema, z.string().min(1), z.string().min(1)]);
