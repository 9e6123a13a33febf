import { RequestRejected, toRawRequest, type HttpResult } from './function-url-event.js';
import { interactionHandler } from './runtime.js';

/** Slack interactions endpoint behind a Lambda Function URL (auth NONE: the Slack signature is the auth). */
export const handler = async (event: unknown): Promise<HttpResult> => {
  let request;
  try {
    request = toRawRequest(event);
  } catch (error) {
    // A malformed or oversized request is the caller's fault: answered 400/413, never a crash.
    if (error instanceof RequestRejected) return { statusCode: error.statusCode, headers: { 'content-type': 'text/plain' }, body: error.message };
    throw error;
  }
  return (await interactionHandler())(request);
};
