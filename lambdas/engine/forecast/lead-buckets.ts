/** Fewest observed residuals the quantiles of one lead bucket rest on. */
export const MIN_BUCKET_RESIDUALS = 60;

/**
 * Groups leads 0…span−1 into half-open ranges [from, to) whose widths double (1, 1, 2, 4, 8, …), so the
 * first steps after the origin, where the error grows fastest, keep their own quantiles and later ones
 * pool more leads. A range is extended until it holds MIN_BUCKET_RESIDUALS observed (non-NaN) residuals
 * over all origins; a short remainder joins the last range.
 * Example: span 24, 11 origins with every residual observed → [0,6) [6,12) [12,24).
 */
export function leadBuckets(residuals: Float64Array, span: number, origins: number): [number, number][] {
  const observedAtLead = new Uint32Array(span);
  for (let k = 0; k < origins; k++) for (let i = 0; i < span; i++) if (!Number.isNaN(residuals[k * span + i])) observedAtLead[i]++;
  const buckets: [number, number][] = [];
  let from = 0;
  let width = 1;
  while (from < span) {
    let to = Math.min(span, from + width);
    let count = 0;
    for (let i = from; i < to; i++) count += observedAtLead[i];
    while (to < span && count < MIN_BUCKET_RESIDUALS) count += observedAtLead[to++];
    if (span - to < width) to = span;
    buckets.push([from, to]);
    width = Math.max(width, to - from) * 2;
    from = to;
  }
  return buckets;
}
