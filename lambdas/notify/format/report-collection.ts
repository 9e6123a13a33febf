import { reportedIssue, statusSentence, type CollectionReportInput } from './collection-issues.js';
import { escapeHtml } from './html-escape.js';

/**
 * The report's collection section: a warning banner when the collection was partial or failed, then every issue
 * in a table (account, region, service, operation, error, resources affected). Empty when nothing was reported.
 */
export function collectionSection(collection: CollectionReportInput | undefined): string {
  if (collection === undefined || collection.issues.length === 0) return '';
  const banner = collection.status === 'complete' ? '' : `<div class="warning" id="collection-status">${escapeHtml(statusSentence(collection))}</div>\n`;
  const rows = collection.issues
    .map(reportedIssue)
    .map((issue) =>
      [issue.account ?? '', issue.region ?? 'global', issue.service, issue.operation ?? '', `${issue.code}: ${issue.error}`, issue.resourcesAffected === undefined ? '' : String(issue.resourcesAffected)]
        .map((cell) => `<td>${escapeHtml(cell)}</td>`)
        .join(''),
    )
    .map((cells) => `<tr>${cells}</tr>`)
    .join('');
  const head = ['Account', 'Region', 'Service', 'Operation', 'Error', 'Resources affected'].map((h) => `<th>${h}</th>`).join('');
  return `${banner}<section class="card" id="collection-issues"><h2>Collection issues</h2><p class="sub">${escapeHtml(statusSentence(collection))}</p><table class="issues"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
}
