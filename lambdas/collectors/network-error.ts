/**
 * A call that never got an answer from AWS: the connection was refused or reset, the name did not resolve, or the
 * socket timed out. The SDK adds `$metadata` to these too (attempts, retry delay), so they look like service errors,
 * but no HTTP status came back and AWS decided nothing: saying "AWS rejected these credentials" or "access denied"
 * would send the user after the wrong problem. They are told apart by the Node.js error code (or the SDK's
 * TimeoutError) and the missing status, and reported with the endpoint that could not be reached.
 */

/** Node.js system error codes of a connection that failed or broke (https://nodejs.org/api/errors.html#common-system-errors). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);
/** Error names the SDK's HTTP handlers use for a request that timed out or was aborted. */
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'AbortError']);

interface MaybeNetworkError {
  name?: string;
  code?: unknown;
  $metadata?: { httpStatusCode?: number };
  /** The endpoint the request went to, noted by noteEndpoint. */
  endpoint?: string;
}

export function isNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as MaybeNetworkError;
  if (e.$metadata?.httpStatusCode !== undefined) return false;
  return (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) || (e.name !== undefined && NETWORK_NAMES.has(e.name));
}

/** The endpoint a failed request was sent to, when noteEndpoint saw it, else the address a refused connection names. */
export function endpointOf(error: unknown): string | undefined {
  const e = error as (MaybeNetworkError & { address?: unknown; port?: unknown }) | undefined;
  if (typeof e?.endpoint === 'string') return e.endpoint;
  return typeof e?.address === 'string' ? `${e.address}${typeof e.port === 'number' ? `:${e.port}` : ''}` : undefined;
}

/** "could not reach https://monitoring.us-east-1.amazonaws.com (ECONNRESET: socket hang up)". */
export function networkFailure(error: unknown): string {
  const e = error as MaybeNetworkError & { message?: string };
  const code = typeof e.code === 'string' ? e.code : (e.name ?? 'Error');
  return `could not reach ${endpointOf(error) ?? 'the AWS endpoint'} (${code}: ${(e.message ?? '').replace(/\.$/, '')})`;
}

type Handler = (args: { request?: unknown }) => Promise<unknown>;
interface ClientWithStack {
  middlewareStack: { add(middleware: (next: Handler) => Handler, options: { step: 'deserialize'; name: string; priority: 'low' }): void };
}

/**
 * Adds a middleware that notes, on an error without an HTTP answer, the endpoint the request was sent to
 * (`endpoint`: protocol, host and port of the HttpRequest), so the message can name it. It changes nothing else.
 */
export function noteEndpoint(client: ClientWithStack): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isNetworkError(error) && (error as MaybeNetworkError).endpoint === undefined) (error as MaybeNetworkError).endpoint = requestEndpoint(args.request);
        throw error;
      }
    },
    { step: 'deserialize', name: 'headroomNetworkEndpoint', priority: 'low' },
  );
}

function requestEndpoint(request: unknown): string | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const { protocol, hostname, port } = request as { protocol?: string; hostname?: string; port?: number };
  if (hostname === undefined) return undefined;
  return `${protocol ?? 'https:'}//${hostname}${port === undefined ? '' : `:${port}`}`;
}
