import { describe, expect, it } from 'vitest';
import { CREDENTIAL_REFRESH_MARGIN_MS, sharedCredentials } from '../../../lambdas/collectors/accounts/shared-credentials.js';

const T0 = Date.UTC(2026, 10, 29, 12, 0, 0);
const HOUR = 3_600_000;

/** A provider that hands out numbered sessions valid for an hour from `clock()`, counting its requests. */
function countingProvider(clock: () => number, fail = () => false) {
  let requests = 0;
  return {
    requests: () => requests,
    provider: async () => {
      requests += 1;
      if (fail()) throw new Error('STS is unavailable');
      return { accessKeyId: `ASIA${requests}`, expiration: new Date(clock() + HOUR) };
    },
  };
}

describe('sharedCredentials', () => {
  it('makes concurrent callers share one request and reuses the session until it nears expiry', async () => {
    let now = T0;
    const { provider, requests } = countingProvider(() => now);
    const shared = sharedCredentials(provider, () => now);

    const first = await Promise.all([shared(), shared(), shared()]);
    now = T0 + HOUR - CREDENTIAL_REFRESH_MARGIN_MS - 1;
    const stillValid = await shared();

    expect(requests()).toBe(1);
    expect(new Set([...first, stillValid].map((c) => c.accessKeyId))).toEqual(new Set(['ASIA1']));
  });

  it('asks for a new session once the current one is within the refresh margin of its expiry', async () => {
    let now = T0;
    const { provider, requests } = countingProvider(() => now);
    const shared = sharedCredentials(provider, () => now);

    await shared();
    now = T0 + HOUR - CREDENTIAL_REFRESH_MARGIN_MS;
    const renewed = await Promise.all([shared(), shared()]);

    expect(requests()).toBe(2);
    expect(renewed.map((c) => c.accessKeyId)).toEqual(['ASIA2', 'ASIA2']);
  });

  it('does not keep a failed request: the next caller asks again', async () => {
    let failing = true;
    const { provider, requests } = countingProvider(() => T0, () => failing);
    const shared = sharedCredentials(provider, () => T0);

    await expect(shared()).rejects.toThrow('STS is unavailable');
    failing = false;

    await expect(shared()).resolves.toMatchObject({ accessKeyId: 'ASIA2' });
    expect(requests()).toBe(2);
  });
});
