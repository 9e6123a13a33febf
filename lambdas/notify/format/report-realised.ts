import { notMeasurableLine, realisedLine, type RealisedDigest } from './digest.js';
import { escapeHtml } from './html-escape.js';
import { formatUsd } from './numbers.js';

/**
 * The report's "Realised savings" card: what this run measured on applied actions, estimated vs realised, and the
 * applied actions it gave up measuring, with why. Empty when the run measured nothing (no card at all).
 */
export function realisedSection(realised: RealisedDigest | undefined): string {
  if (!realised) return '';
  const rows = realised.top
    .map(
      (item) =>
        `<tr><td>${escapeHtml(item.resourceName)}</td><td>${escapeHtml(item.ruleId)}</td><td>${escapeHtml(item.method)}</td><td class="num">${escapeHtml(formatUsd(item.estimatedMonthlyUsd))}</td><td class="num">${escapeHtml(formatUsd(item.realisedMonthlyUsd))}</td></tr>`,
    )
    .join('');
  const table = rows
    ? `<table class="totals" id="realised-savings"><thead><tr><th>Resource</th><th>Rule</th><th>Measured by</th><th class="num">Estimated $/month</th><th class="num">Realised $/month</th></tr></thead><tbody>${rows}</tbody></table>`
    : '';
  const more = realised.measuredCount - realised.top.length;
  const moreNote = more > 0 ? `<p class="sub">${escapeHtml(`${more} more measured action${more === 1 ? '' : 's'} are counted in the headline but not listed.`)}</p>` : '';
  const headline = realised.measuredCount > 0 ? `<p class="sub">${escapeHtml(realisedLine(realised))}.</p>` : '';
  const unmeasured = realised.notMeasurable.length
    ? `<ul class="sub">${realised.notMeasurable.map((entry) => `<li>${escapeHtml(notMeasurableLine(entry))}</li>`).join('')}</ul>`
    : '';
  return `<section class="card" id="realised"><h2>Realised savings</h2>${headline}${table}${moreNote}${unmeasured}</section>`;
}
