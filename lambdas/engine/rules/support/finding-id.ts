/**
 * Deterministic finding ids: the same rule proposing the same change to the same resource always gets the same id, so
 * runs can be compared and approvals survive re-analysis. The engine is pure (no node:crypto), so the hash is 64-bit
 * FNV-1a (Fowler–Noll–Vo, http://www.isthe.com/chongo/tech/comp/fnv/) over the UTF-8 bytes of
 * `ruleId + "\n" + arn + "\n" + canonicalJson(proposed)`:
 *
 *   h₀ = 0xcbf29ce484222325;  for each byte b: h = (h XOR b) × 0x100000001b3  (mod 2⁶⁴)
 *
 * Not cryptographic: ids only need to be stable and, at tens of thousands of findings, collision-free in practice
 * (birthday bound ≈ n²/2⁶⁵ ≈ 10⁻¹¹ for n = 10⁴). Arithmetic is done in four 16-bit limbs so it stays exact in doubles.
 *
 * Example: `fnv1a64('a') === 'af63dc4c8601ec8c'`.
 */
const encoder = new TextEncoder();

export function fnv1a64(text: string): string {
  const bytes = encoder.encode(text);
  // Limbs of the 64-bit state, least significant first (offset basis 0xcbf29ce484222325).
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of bytes) {
    h0 ^= byte;
    // Multiply by the FNV prime 0x100000001b3 = 2⁴⁰ + 0x1b3: limb k gets h_k·0x1b3 + h_(k−2)·0x100 (2⁴⁰ = 2³²·2⁸).
    const t0 = h0 * 0x1b3;
    const t1 = h1 * 0x1b3 + (t0 >>> 16);
    const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
    const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

/** JSON with object keys sorted recursively, so `{a,b}` and `{b,a}` hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The id of a finding: `<ruleId>:<16 hex digits>`, readable in logs and stable across runs. */
export function findingId(ruleId: string, resourceArn: string, proposed: Record<string, unknown>): string {
  return `${ruleId}:${fnv1a64(`${ruleId}\n${resourceArn}\n${canonicalJson(proposed)}`)}`;
}
