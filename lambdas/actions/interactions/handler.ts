import { toRawRequest, type HttpResult } from './function-url-event.js';
import { interactionHandler } from './runtime.js';

/** Slack interactions endpoint behind a Lambda Function URL (auth NONE: the Slack signature is the auth). */
export const handler = async (event: unknown): Promise<HttpResult> => (await interactionHandler())(toRawRequest(event));
