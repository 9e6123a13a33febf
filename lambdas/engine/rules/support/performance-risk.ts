/**
 * Performance risk on Compute Optimizer's 0–4 scale (0 very low … 4 very high): "the likelihood of the recommended
 * resource not meeting the resource needs of your workload", computed per specification (CPU, memory, …) with the
 * resource's risk being the maximum across specifications.
 *
 * Our per-specification score maps the projected peak utilisation (p99.5 of the observed load on the proposed size) to
 * the scale: ≤ 50 % → 0, ≤ 65 % → 1, ≤ 85 % → 2, ≤ 95 % → 3, above → 4. With the default 20 % headroom a proposal's
 * projected peak is at most 100 / 1.2 ≈ 83 %, so sizing alone yields at most 2 (medium): spending most of the headroom
 * is a real risk, exceeding it is never proposed.
 */
export function riskFromProjectedUtilisation(projectedPercent: number): number {
  if (projectedPercent <= 50) return 0;
  if (projectedPercent <= 65) return 1;
  if (projectedPercent <= 85) return 2;
  if (projectedPercent <= 95) return 3;
  return 4;
}

/** Clamps a risk score to 0–4 (after adding penalties such as an architecture change). */
export function clampRisk(score: number): number {
  return Math.min(4, Math.max(0, Math.round(score)));
}
