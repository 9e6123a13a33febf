import type { CollectorContext } from '../../../lambdas/collectors/context.js';
import type { PortsFor } from '../../../lambdas/collectors/ports.js';
import type { Resource } from '../../../lambdas/engine/types/snapshot.js';
import { MemoryStore } from '../../../lambdas/shared/store/memory-store.js';

export const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
export const ACCOUNT = '111122223333';

/** A collector context over a fresh MemoryStore. */
export function testContext(portsFor: PortsFor, overrides: Partial<CollectorContext> = {}): CollectorContext & { store: MemoryStore } {
  const store = new MemoryStore({ now: () => NOW });
  return { portsFor, store, accounts: [ACCOUNT], regions: ['us-east-1'], now: NOW, lookbackDays: 14, ...overrides } as CollectorContext & { store: MemoryStore };
}

export function ec2Resource(id: string, region = 'us-east-1', state = 'running'): Resource {
  return {
    arn: `arn:aws:ec2:${region}:${ACCOUNT}:instance/${id}`,
    type: 'ec2:instance',
    account: ACCOUNT,
    region,
    name: id,
    tags: {},
    config: { instanceType: 'm5.large', state, platform: 'linux', volumeIds: [] },
  };
}
