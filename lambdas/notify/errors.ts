/** Errors of the notify functions; each message is one sentence that names what to fix. */

/** The Lambda event does not have the shape the state machine sends (`{ runId }`). */
export class NotifyEventError extends Error {
  override readonly name = 'NotifyEventError';
}

/** An environment variable of a notify function is missing or malformed. */
export class NotifyConfigError extends Error {
  override readonly name = 'NotifyConfigError';
}

/** The run to notify about is not in the store. */
export class RunNotFoundError extends Error {
  override readonly name = 'RunNotFoundError';
  constructor(readonly runId: string) {
    super(`run ${runId} is not in the store; the persist step must run before notify`);
  }
}

/** Slack answered chat.postMessage with ok: false. */
export class SlackPostError extends Error {
  override readonly name = 'SlackPostError';
  constructor(
    readonly channel: string,
    readonly slackError: string,
  ) {
    super(`Slack refused the message to ${channel}: ${slackError}`);
  }
}
