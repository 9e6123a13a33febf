/** A session is renewed this long before it expires, so no request is signed with credentials about to lapse. */
export const CREDENTIAL_REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * One credential provider shared by every SDK client of an account. Each client memoises its provider on its own,
 * so a bare AssumeRole provider handed to 8 clients in 3 regions would call AssumeRole up to 24 times; this wrapper
 * makes them share one session: the first caller's request is the only one in flight (concurrent callers await it),
 * and a new one is made only when the session is within CREDENTIAL_REFRESH_MARGIN_MS of its `expiration`.
 * A failed request is not kept: the next caller asks again (a transient STS error must not poison a warm function).
 */
export function sharedCredentials<P, I extends { expiration?: Date }>(
  provider: (props?: P) => Promise<I>,
  now: () => number = Date.now,
): (props?: P) => Promise<I> {
  let current: Promise<I> | undefined;
  const request = (props?: P): Promise<I> => {
    const attempt = provider(props).catch((error: unknown) => {
      if (current === attempt) current = undefined;
      throw error;
    });
    current = attempt;
    return attempt;
  };
  return async (props) => {
    const held = current;
    if (held === undefined) return request(props);
    const identity = await held;
    const expiresAt = identity.expiration?.getTime();
    if (expiresAt === undefined || expiresAt - now() > CREDENTIAL_REFRESH_MARGIN_MS) return identity;
    // Several callers may notice the expiry at once: only the first starts a new request, the others share it.
    return current === held ? request(props) : (current ?? request(props));
  };
}
