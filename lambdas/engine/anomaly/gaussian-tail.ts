/**
 * Natural log of the standard normal upper tail, ln Q(z) with Q(z) = P(Z > z) = ½ · erfc(z / √2).
 * erfc uses the Numerical Recipes rational Chebyshev approximation (`erfcc`, fractional error < 1.2e-7
 * everywhere): erfc(x) = t · exp(p(t)) with t = 1 / (1 + x/2) for x ≥ 0, so ln Q = ln(t/2) + p(t)
 * without ever forming a tiny Q — accurate far into the tail and cheaper than exp followed by log.
 * Example: logGaussianTail(0) ≈ ln 0.5; logGaussianTail(1.6449) ≈ ln 0.05; logGaussianTail(6) ≈ ln 9.87e-10.
 */
export function logGaussianTail(z: number): number {
  const x = z / Math.SQRT2;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.5 * a);
  const poly = -a * a - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  if (x >= 0) return Math.log(0.5 * t) + poly;
  return Math.log(1 - 0.5 * t * Math.exp(poly));
}
