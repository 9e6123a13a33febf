/**
 * Updating the digest in place after a decision: the clicked action's buttons are replaced by a line saying
 * who decided what, so nobody clicks a decided action again and the channel sees the state at a glance.
 * The blocks come from the click's own payload (Slack sends the message with it) and go back through the
 * response_url with `replace_original`, which needs no bot token and no chat:write scope on the request path.
 */

interface BlockWithId {
  block_id?: unknown;
}

/**
 * The message's blocks with the block `blockId` replaced by a context line `note` (mrkdwn), or undefined when
 * the message or the block is not there (e.g. an older client that sent no blocks): the caller then falls back
 * to a separate message.
 */
export function replaceDecidedBlock(blocks: readonly unknown[] | undefined, blockId: string | undefined, note: string): unknown[] | undefined {
  if (blocks === undefined || blockId === undefined) return undefined;
  const index = blocks.findIndex((block) => typeof block === 'object' && block !== null && (block as BlockWithId).block_id === blockId);
  if (index < 0) return undefined;
  const updated = [...blocks];
  // Same block_id so later updates (the apply outcome) can find the line again.
  updated[index] = { type: 'context', block_id: blockId, elements: [{ type: 'mrkdwn', text: note.slice(0, 3000) }] };
  return updated;
}
