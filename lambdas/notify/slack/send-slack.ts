import type { HeadroomStore } from '../../shared/store/store.js';
import { SlackPostError } from '../errors.js';
import { buildDigest } from '../format/digest.js';
import { approvability, buildSlackMessage, routeByOwner, type SlackBlock, type SlackMessage } from '../format/slack-blocks.js';
import { loadRunForNotify, type RunForNotify } from '../load-run.js';

/** The one @slack/web-api method used; a WebClient satisfies it, tests pass `{ chat: { postMessage: vi.fn() } }`. */
export interface SlackPoster {
  chat: {
    postMessage(args: { channel: string; text: string; blocks: SlackBlock[]; unfurl_links?: boolean; unfurl_media?: boolean }): Promise<{ ok?: boolean; ts?: string; error?: string }>;
  };
}

export interface PostDigestOptions {
  /** The main channel: gets every action. */
  channel: string;
  enabledExecutors: string[];
  /** The deployment account: actions on other accounts' resources get no Approve button (see slack-blocks.ts). */
  homeAccount?: string;
  reportUrl?: string;
  /** Publishes the full report and returns its link (see report-link.ts); used when `reportUrl` is not given. */
  publishReport?: (loaded: RunForNotify) => Promise<string>;
  topN?: number;
  /** Owner tag value → channel, for per-team copies with only that team's actions. */
  teamChannels?: Record<string, string>;
  /** Resource tag that names the owning team. Default 'team'. */
  ownerTagKey?: string;
  now?: Date;
}

export interface PostDigestResult {
  posted: number;
  channels: string[];
  /** Message timestamps, in the order of `channels`. */
  ts: string[];
  /** Actions left out because someone already approved, dismissed or snoozed them. */
  settled: number;
}

/**
 * The messages for one run: the main channel's with every open action, then one per team channel with that
 * team's actions (teams with nothing open get no message; a team mapped to the main channel gets no copy).
 */
export async function buildRunSlackMessages(store: HeadroomStore, runId: string, options: PostDigestOptions): Promise<{ messages: SlackMessage[]; settled: number }> {
  const loaded = await loadRunForNotify(store, runId, options.now);
  const { run, actions, forecasts, anomalies, realised, settled } = loaded;
  const reportUrl = options.reportUrl ?? (options.publishReport ? await options.publishReport(loaded) : undefined);
  const enabled = new Set(options.enabledExecutors);
  // Approvable actions below the top N are listed too, so every one-click change can be approved from Slack.
  const pinned = (action: (typeof actions)[number]) => approvability(action, enabled, options.homeAccount).approvable;
  const digestOf = (subset: typeof actions) => buildDigest({ run, actions: subset, forecasts, anomalies, realised, reportUrl, topN: options.topN, pinned });
  const common = { enabledExecutors: options.enabledExecutors, homeAccount: options.homeAccount };
  const messages = [buildSlackMessage(digestOf(actions), { channel: options.channel, ...common })];
  for (const route of routeByOwner(actions, options.ownerTagKey ?? 'team', options.teamChannels ?? {})) {
    if (route.channel === options.channel) continue;
    messages.push(buildSlackMessage(digestOf(route.actions), { channel: route.channel, ...common, audience: `team ${route.owner}` }));
  }
  return { messages, settled };
}

/** Posts the run's digest: one message per channel, in order; stops at the first channel Slack refuses. */
export async function postDigest(deps: { slack: SlackPoster; store: HeadroomStore }, runId: string, options: PostDigestOptions): Promise<PostDigestResult> {
  const { messages, settled } = await buildRunSlackMessages(deps.store, runId, options);
  const channels: string[] = [];
  const ts: string[] = [];
  for (const message of messages) {
    // Link unfurls would add a preview of the report link under every digest.
    const response = await deps.slack.chat.postMessage({ channel: message.channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    if (response.ok === false || response.ts === undefined) throw new SlackPostError(message.channel, response.error ?? 'no message ts in the response');
    channels.push(message.channel);
    ts.push(response.ts);
  }
  return { posted: messages.length, channels, ts, settled };
}
