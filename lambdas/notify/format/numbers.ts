/** Number formatting shared by every channel (Slack, email, HTML report), so the same figure reads the same everywhere. */

const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** US dollars: whole dollars from $100 up (cents are noise there), cents below. Negative amounts keep their sign. */
export function formatUsd(amount: number): string {
  return Math.abs(amount) >= 100 ? usdWhole.format(amount) : usdCents.format(amount);
}

/** A plain number: thousands separators, at most 2 decimals, or 3 significant digits when |value| < 1. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 1) return small.format(value);
  return plain.format(value);
}

/** A 0–1 fraction as a whole percentage, e.g. 0.873 → "87 %". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}
