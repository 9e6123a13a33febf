import { describe, expect, it } from 'vitest';
import { canonicalJson, findingId, fnv1a64 } from '../../../../lambdas/engine/rules/support/finding-id.js';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});

describe('findingId', () => {
  it('is the same whatever the key order of proposed', () => {
    const a = findingId('r', 'arn:1', { instanceType: 'm7g.large', vcpu: 2 });
    const b = findingId('r', 'arn:1', { vcpu: 2, instanceType: 'm7g.large' });
    expect(a).toBe(b);
    expect(a).toMatch(/^r:[0-9a-f]{16}$/);
  });

  it('differs when the rule, the resource or the proposal differs', () => {
    const base = findingId('r', 'arn:1', { x: 1 });
    expect(findingId('s', 'arn:1', { x: 1 })).not.toBe(base);
    expect(findingId('r', 'arn:2', { x: 1 })).not.toBe(base);
    expect(findingId('r', 'arn:1', { x: 2 })).not.toBe(base);
  });

  it('canonicalises nested objects and drops undefined members', () => {
    expect(canonicalJson({ b: { d: 1, c: [2, { f: 1, e: 0 }] }, a: undefined })).toBe('{"b":{"c":[2,{"e":0,"f":1}],"d":1}}');
  });
});
