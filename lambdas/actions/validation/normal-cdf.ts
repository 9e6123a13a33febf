/**
 * Standard normal CDF Φ(z) = ½ (1 + erf(z / √2)), with erf from Abramowitz & Stegun 7.1.26
 * (|error| ≤ 1.5 × 10⁻⁷, ample for comparing p-values with α = 0.01):
 *   erf(x) ≈ 1 − (a₁t + a₂t² + a₃t³ + a₄t⁴ + a₅t⁵) e^(−x²),  t = 1 / (1 + p x),  x ≥ 0.
 *
 * @example normalCdf(0) === 0.5; normalCdf(2.326) ≈ 0.99
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('normalCdf needs a number, got NaN.');
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
