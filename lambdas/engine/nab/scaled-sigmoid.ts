/**
 * NAB's scaled sigmoid (numenta/NAB `nab/sweeper.py`, `scaledSigmoid`):
 *   σ(y) = 2 / (1 + e^{5y}) − 1   for y ≤ 3,   −1 for y > 3.
 * y is a row's position relative to a window: −1 at a window's first row, → 0 at its last row, and
 * positive distances (in window widths) after a window. σ(−1) ≈ 0.9866, σ(0) = 0, σ(3) ≈ −1.
 */
export function scaledSigmoid(relativePosition: number): number {
  if (relativePosition > 3.0) return -1.0;
  return 2 / (1 + Math.exp(5 * relativePosition)) - 1;
}
