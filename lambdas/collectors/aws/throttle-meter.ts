import { isThrottling } from '../aws-errors.js';
import type { ThrottleMeter } from '../ports.js';

type Handler = (args: never) => Promise<unknown>;
/** The slice of an SDK v3 client's middleware stack this meter uses (kept structural: no @smithy import). */
interface ClientWithMiddleware {
  middlewareStack: {
    add(middleware: (next: Handler) => Handler, options: { step: 'deserialize'; name: string; priority: 'high' }): void;
  };
}

/** Counts throttling errors seen on any attempt of any call made by the clients it is attached to. */
export class CountingThrottleMeter implements ThrottleMeter {
  private count = 0;

  record(): void {
    this.count += 1;
  }

  total(): number {
    return this.count;
  }

  /**
   * Adds a middleware in the `deserialize` step, which runs inside the SDK's retry loop (retry lives
   * in `finalizeRequest`), so it sees every failed attempt, including those the adaptive retry later
   * recovers from. It only observes: the error is re-thrown unchanged.
   */
  attachTo(client: ClientWithMiddleware): void {
    client.middlewareStack.add(
      (next: Handler) => async (args: never) => {
        try {
          return await next(args);
        } catch (error) {
          if (typeof error === 'object' && error !== null && isThrottling(error as { name?: string })) this.record();
          throw error;
        }
      },
      { step: 'deserialize', name: 'headroomThrottleMeter', priority: 'high' },
    );
  }
}
