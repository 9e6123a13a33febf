import { lazyApplyStepHandlers } from '../apply-steps/runtime.js';
import { createSecretBackedNotifier } from '../slack/secret-backed-notifier.js';

const handlers = lazyApplyStepHandlers('notify-outcome', () => ({ notifier: createSecretBackedNotifier() }));

/** Apply workflow task: NotifyOutcome (the state has $.outcome, set by the Pass before it). Receives the whole state object. */
export const handler = async (event: unknown): Promise<unknown> => handlers().notifyOutcome(event);
