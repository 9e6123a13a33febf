import type { ApiCallCount, ApiCallCounts } from '../../shared/store/store.js';
import { isThrottling } from '../aws-errors.js';
import { noteEndpoint } from '../network-error.js';
import type { ThrottleMeter } from '../ports.js';
import { iamServicePrefix } from './service-prefix.js';

type Handler = (args: never) => Promise<unknown>;
/** What the SDK hands every middleware: the client and command names (kept structural: no @smithy import). */
interface HandlerContext {
  clientName?: string;
  commandName?: string;
}
/** The slice of an SDK v3 client's middleware stack this meter uses. */
interface ClientWithMiddleware {
  middlewareStack: {
    add(middleware: (next: Handler, context: HandlerContext) => Handler, options: { step: 'initialize'; name: string; priority: 'high' }): void;
    add(middleware: (next: Handler, context: HandlerContext) => Handler, options: { step: 'deserialize'; name: string; priority: 'high' }): void;
  };
}

export type { ApiCallCount, ApiCallCounts } from '../../shared/store/store.js';

/**
 * Counts every AWS call made by the clients it is attached to, by service and operation, and every
 * throttled attempt (SPEC §11: throttling is normal, retried, and counted). A meter can forward to a
 * parent, so the meters of many (account, region) pairs add up in one ledger for the whole run — what
 * `headroom scan` prints as the optimizer's own API usage.
 */
export class CountingThrottleMeter implements ThrottleMeter {
  private count = 0;
  private readonly counts: ApiCallCounts = {};

  constructor(private readonly parent?: CountingThrottleMeter) {}

  /** One throttled attempt of `operation` (or of an unnamed one). */
  record(operation = 'unknown:Unknown'): void {
    this.count += 1;
    this.entry(operation).throttled += 1;
    this.parent?.record(operation);
  }

  recordCall(operation: string): void {
    this.entry(operation).calls += 1;
    this.parent?.recordCall(operation);
  }

  recordAttempt(operation: string): void {
    this.entry(operation).attempts += 1;
    this.parent?.recordAttempt(operation);
  }

  total(): number {
    return this.count;
  }

  /** A copy of the counts so far, keys sorted. */
  apiCalls(): ApiCallCounts {
    return Object.fromEntries(Object.keys(this.counts).sort().map((key) => [key, { ...this.counts[key] }]));
  }

  /**
   * Adds two observing middlewares. One in `initialize` (outside the retry loop) counts each logical call
   * once. One in `deserialize`, which runs inside the SDK's retry loop (retry lives in `finalizeRequest`),
   * counts every attempt and every throttled one, including those the adaptive retry later recovers from.
   * Neither changes the request or the outcome: errors are re-thrown unchanged.
   */
  attachTo(client: ClientWithMiddleware): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        this.recordCall(operationName(context));
        return next(args);
      },
      { step: 'initialize', name: 'headroomCallMeter', priority: 'high' },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = operationName(context);
        this.recordAttempt(operation);
        try {
          return await next(args);
        } catch (error) {
          if (typeof error === 'object' && error !== null && isThrottling(error as { name?: string })) this.record(operation);
          throw error;
        }
      },
      { step: 'deserialize', name: 'headroomThrottleMeter', priority: 'high' },
    );
    // Every metered client also says where a call that got no answer went (network-error.ts).
    noteEndpoint(client as unknown as Parameters<typeof noteEndpoint>[0]);
  }

  /**
   * The meter as an SDK plugin, for clients the SDK builds itself (the STS client of fromTemporaryCredentials, which
   * accepts `clientPlugins`). That provider applies its plugins before every AssumeRole, to the same client, so the
   * middlewares are attached to each stack once only (a second `add` of the same name would throw).
   */
  plugin(): { applyToStack(stack: ClientWithMiddleware['middlewareStack']): void } {
    const attached = new WeakSet<object>();
    return {
      applyToStack: (stack) => {
        if (attached.has(stack)) return;
        attached.add(stack);
        this.attachTo({ middlewareStack: stack });
      },
    };
  }

  private entry(operation: string): ApiCallCount {
    return (this.counts[operation] ??= { calls: 0, attempts: 0, throttled: 0 });
  }
}

/** `EC2Client` + `DescribeInstancesCommand` -> `ec2:DescribeInstances`. */
function operationName(context: HandlerContext): string {
  const operation = (context.commandName ?? 'UnknownCommand').replace(/Command$/, '');
  return `${iamServicePrefix(context.clientName ?? 'UnknownClient')}:${operation}`;
}
