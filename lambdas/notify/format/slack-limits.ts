/**
 * Block Kit limits this formatter honours (Slack reference: "Blocks" and "Block elements"):
 * a message carries at most 50 blocks; a section's text at most 3000 characters; a header's plain text at
 * most 150; a context block at most 10 elements; a button's text at most 75 characters and its value at
 * most 2000; an actions block at most 25 elements; a block_id at most 255 characters; a confirmation
 * dialog's title 100, text 300 and button labels 30 characters; a select's placeholder 150, an option's
 * text 75 and its value 150 characters.
 */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  blockId: 255,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  placeholderText: 150,
  optionText: 75,
  optionValue: 150,
  /** chat.postMessage truncates the top-level `text` beyond 40,000 characters; Slack recommends ≤ 4,000. */
  fallbackText: 4000,
} as const;

/** Cuts plain text to `max` characters, ending with "…" when anything was cut. */
export function truncatePlain(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Slack mrkdwn needs exactly &, < and > escaped (Slack: "Formatting text for app surfaces"). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts escaped mrkdwn to `max` characters without leaving half an entity (&amp; &lt; &gt;) at the end. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/&[a-z]{0,3}$/, '');
  return `${cut}…`;
}
