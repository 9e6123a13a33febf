import { collectionLines } from './collection-issues.js';
import { findExecutor } from '../../actions/executors/index.js';
import type { Action } from '../../engine/types/action.js';
import { DISMISS_REASONS, encodeDismissOption, OFFERED_DISMISS_REASONS } from '../../shared/slack/dismiss-reasons.js';
import { costAnomalyLine } from './cost-anomaly-line.js';
import { anomalyLine, notMeasurableLine, omittedLine, realisedItemLine, realisedLine, type Digest, type DigestItem, type RealisedDigest } from './digest.js';
import { actionEvidenceLine } from './evidence-line.js';
import { safeHttpUrl } from './html-escape.js';
import { formatNumber, formatPercent, formatUsd } from './numbers.js';
import { SLACK_LIMITS, escapeMrkdwn, truncateMrkdwn, truncatePlain } from './slack-limits.js';

export interface SlackMessageOptions {
  channel: string;
  /** Executor ids enabled in this deployment; Approve is offered only for actions one of them can apply. */
  enabledExecutors: string[];
  /** Who the message is for when it is a per-team copy, e.g. "team payments"; shown in the header. */
  audience?: string;
  /**
   * The deployment account (ACCOUNT_ID). Executors act only there, so when given, actions on resources of other
   * accounts get no Approve button. Omitted: every account is treated as applicable.
   */
  homeAccount?: string;
}

export interface SlackMessage {
  channel: string;
  /** Fallback text for notifications and clients that cannot show blocks. */
  text: string;
  blocks: SlackBlock[];
}

/** The subset of Block Kit this formatter emits; typed so tests and senders can inspect it. */
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; block_id?: string; text: Mrkdwn }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'divider' }
  | { type: 'actions'; block_id: string; elements: (SlackButton | SlackSelect)[] };

export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}
export interface SlackButton {
  type: 'button';
  action_id: SlackActionId;
  text: PlainText;
  value: string;
  style?: 'primary' | 'danger';
  confirm?: { title: PlainText; text: PlainText; confirm: PlainText; deny: PlainText };
}

/** The "Dismiss…" menu: choosing a reason dismisses the action with it (one request, no modal). */
export interface SlackSelect {
  type: 'static_select';
  action_id: 'dismiss';
  placeholder: PlainText;
  options: { text: PlainText; value: string }[];
}

/** The action ids the interactions endpoint dispatches on. */
export type SlackActionId = 'approve' | 'snooze' | 'dismiss';

/** What every button carries back to the interactions endpoint: JSON `{"runId":…,"actionId":…}`. */
export interface ButtonValue {
  runId: string;
  actionId: string;
}

/** Blocks per listed action: its section, its buttons and a divider. */
const BLOCKS_PER_ITEM = 3;

function plain(text: string, max: number): PlainText {
  return { type: 'plain_text', text: truncatePlain(text, max), emoji: true };
}

function mrkdwn(text: string, max = SLACK_LIMITS.sectionText): Mrkdwn {
  return { type: 'mrkdwn', text: truncateMrkdwn(text, max) };
}

/** Encodes a button value, failing loudly rather than sending a value Slack would reject. */
export function encodeButtonValue(value: ButtonValue): string {
  const encoded = JSON.stringify({ runId: value.runId, actionId: value.actionId });
  if (encoded.length > SLACK_LIMITS.buttonValue) {
    throw new RangeError(`button value for action ${value.actionId.slice(0, 80)} is ${encoded.length} characters, over Slack's ${SLACK_LIMITS.buttonValue}`);
  }
  return encoded;
}

/** `<url|label>` for mrkdwn, or undefined for a missing or non-http(s) URL. */
function reportLink(digest: Digest, label: string): string | undefined {
  const reportUrl = safeHttpUrl(digest.reportUrl);
  // Inside Slack's <url|label> syntax, <, > and | would end the link early, so they are percent-encoded.
  return reportUrl ? `<${reportUrl.replace(/[<>|]/g, (character) => encodeURIComponent(character))}|${label}>` : undefined;
}

/** Realised savings the run measured: the headline, the top few estimated vs realised, and what could not be measured. */
function realisedBlock(realised: RealisedDigest): SlackBlock {
  const lines: string[] = [];
  if (realised.measuredCount > 0) lines.push(`*${escapeMrkdwn(realisedLine(realised))}*`);
  lines.push(...realised.top.map((item) => `• ${escapeMrkdwn(realisedItemLine(item))}`));
  lines.push(...realised.notMeasurable.slice(0, 3).map((entry) => `• ${escapeMrkdwn(notMeasurableLine(entry))}`));
  const more = realised.notMeasurable.length - 3;
  if (more > 0) lines.push(`• ${more} more not measurable (see the report)`);
  return { type: 'section', block_id: 'realised', text: mrkdwn(lines.join('\n')) };
}

/** The collection's status and its issues by name, when the run reported any (collection-issues.ts). */
function collectionBlocks(digest: Digest): SlackBlock[] {
  const lines = collectionLines(digest.collection);
  if (lines.length === 0) return [];
  const flag = digest.collection?.status === 'complete' ? '' : ':warning: ';
  return [{ type: 'section', block_id: 'collection', text: mrkdwn(`${flag}${escapeMrkdwn(lines.join('\n'))}`) }];
}

function headerBlocks(digest: Digest, audience: string | undefined): SlackBlock[] {
  const { totals } = digest;
  const who = audience ? ` for ${audience}` : '';
  const headline = `Headroom${who}: ${totals.actionCount} action${totals.actionCount === 1 ? '' : 's'}, ${formatUsd(totals.netMonthlySavingsUsd)}/month`;
  const lines = [
    `*${formatUsd(totals.netMonthlySavingsUsd)}/month* net (${formatUsd(totals.netAnnualSavingsUsd)}/year) across *${totals.actionCount}* actions; ${totals.automatableCount} can be applied automatically.`,
  ];
  if (totals.monthlyCostIncreaseUsd > 0) {
    lines.push(`Includes ${formatUsd(totals.monthlyCostIncreaseUsd)}/month of upsizes for performance.`);
  }
  if (digest.byDomain.length > 0) {
    lines.push(`By domain: ${digest.byDomain.map((entry) => `${entry.domain} ${entry.count} (${formatUsd(entry.monthlySavingsUsd)})`).join(' · ')}`);
  }
  const risky = digest.byRisk.filter((entry) => entry.count > 0);
  if (risky.length > 0) lines.push(`By risk: ${risky.map((entry) => `${entry.label} ${entry.count}`).join(' · ')}`);
  if (digest.failedBatches > 0) lines.push(`:warning: ${digest.failedBatches} analysis batch(es) failed; results are partial.`);

  // The anomaly count second: context holds at most 10 elements and forecasts can fill the rest.
  const context = [`Run \`${digest.runId}\` · ${digest.status} · started ${digest.startedAt}`, anomalyLine(digest.anomalyCount)];
  for (const forecast of digest.forecasts.filter((entry) => entry.kind === 'cost')) {
    context.push(`${forecast.name}: ${formatUsd(forecast.forecastTotal)} over ${forecast.horizonPoints} ${forecast.step}s`);
  }
  const blocks: SlackBlock[] = [
    { type: 'header', text: plain(headline, SLACK_LIMITS.headerText) },
    { type: 'section', block_id: 'summary', text: mrkdwn(escapeMrkdwn(lines.join('\n'))) },
    ...collectionBlocks(digest),
    {
      type: 'context',
      elements: [
        ...context.slice(0, SLACK_LIMITS.contextElements - 1).map((line) => mrkdwn(escapeMrkdwn(line))),
        ...[reportLink(digest, 'Full report')].filter((link) => link !== undefined).map((link) => mrkdwn(link)),
      ],
    },
    ...(digest.realised ? [realisedBlock(digest.realised)] : []),
    ...(digest.costAnomalies.length > 0 ? [costAnomalyBlock(digest)] : []),
    { type: 'divider' },
  ];
  if (digest.top.length === 0) blocks.push({ type: 'section', block_id: 'empty', text: mrkdwn('No open actions in this run: nothing to change.') });
  return blocks;
}

/** The top cost anomalies with their $ impact and contributors, one line each (the report has them all). */
function costAnomalyBlock(digest: Digest): SlackBlock {
  const lines = digest.costAnomalies.map((anomaly) => `• ${escapeMrkdwn(costAnomalyLine(anomaly))}`);
  return { type: 'section', block_id: 'cost-anomalies', text: mrkdwn(`*Cost anomalies*\n${lines.join('\n')}`) };
}

/**
 * Whether Approve can be offered for an action, and the note saying why (not): only when an enabled executor in this
 * account would accept the change — its eligibility check (pure, the first part of its precheck) passes. An action it
 * refuses (an Auto Scaling group member, a move across CPU architectures) is shown with the reason and no Approve.
 */
export function approvability(action: Action, enabled: ReadonlySet<string>, homeAccount: string | undefined): { approvable: boolean; note: string } {
  const executorId = action.automation.executor;
  if (executorId === null) return { approvable: false, note: 'manual change' };
  const executor = findExecutor(executorId);
  if (!executor) return { approvable: false, note: `manual change: executor ${executorId} is not implemented` };
  if (!enabled.has(executorId)) return { approvable: false, note: `automatable, executor ${executorId} not enabled` };
  if (homeAccount !== undefined && action.resource.account !== homeAccount) {
    return { approvable: false, note: `automatable, but in member account ${action.resource.account}: cross-account apply is not supported` };
  }
  const eligible = executor.eligibility(action);
  if (!eligible.ok) return { approvable: false, note: `manual change: ${eligible.reason}` };
  return { approvable: true, note: `one-click apply (${executorId})` };
}

function itemText(item: DigestItem, note: string): string {
  const { action } = item;
  const resource = action.resource;
  const facts = [
    `*${formatUsd(action.monthlySavingsUsd)}/month*`,
    `risk ${item.riskLabel}`,
    `confidence ${formatPercent(action.confidence)}`,
    `effort ${action.effort}`,
    action.restartRequired ? 'restart required' : 'no restart',
    action.reversible ? 'reversible' : 'not reversible',
  ];
  const lines = [
    `*${item.rank}. ${escapeMrkdwn(item.title)}*`,
    `\`${escapeMrkdwn(resource.name || resource.arn)}\` · ${escapeMrkdwn(resource.type)} · ${escapeMrkdwn(resource.account)} · ${escapeMrkdwn(resource.region)}`,
    facts.join(' · '),
    `_${escapeMrkdwn(actionEvidenceLine(action))}_`,
    escapeMrkdwn(note),
  ];
  if (action.carbonKgCo2eMonthly > 0) lines.push(`saves ${formatNumber(action.carbonKgCo2eMonthly)} kg CO₂e/month`);
  return lines.join('\n');
}

/**
 * The Dismiss control: a select of reasons, so every dismissal says why. Slack caps an option's value at 150
 * characters; ids too long for that get the plain Dismiss button (recorded as "no reason given").
 */
function dismissControl(item: DigestItem, value: string): SlackButton | SlackSelect {
  const options = OFFERED_DISMISS_REASONS.map((reason) => ({
    text: plain(DISMISS_REASONS[reason], SLACK_LIMITS.optionText),
    value: encodeDismissOption(reason, item.runId, item.action.id),
  }));
  if (options.some((option) => option.value.length > SLACK_LIMITS.optionValue)) {
    return { type: 'button', action_id: 'dismiss', text: plain('Dismiss', SLACK_LIMITS.buttonText), value };
  }
  return { type: 'static_select', action_id: 'dismiss', placeholder: plain('Dismiss…', SLACK_LIMITS.placeholderText), options };
}

function buttons(item: DigestItem, approvable: boolean): (SlackButton | SlackSelect)[] {
  const value = encodeButtonValue({ runId: item.runId, actionId: item.action.id });
  const list: (SlackButton | SlackSelect)[] = [];
  if (approvable) {
    list.push({
      type: 'button',
      action_id: 'approve',
      text: plain('Approve', SLACK_LIMITS.buttonText),
      style: 'primary',
      value,
      confirm: {
        title: plain('Apply this change?', SLACK_LIMITS.confirmTitle),
        text: plain(`${item.title} on ${item.action.resource.name || item.action.resource.arn}. It is validated after a bake period and rolled back on regression.`, SLACK_LIMITS.confirmText),
        confirm: plain('Approve', SLACK_LIMITS.confirmButton),
        deny: plain('Cancel', SLACK_LIMITS.confirmButton),
      },
    });
  }
  list.push({ type: 'button', action_id: 'snooze', text: plain('Snooze 7d', SLACK_LIMITS.buttonText), value });
  list.push(dismissControl(item, value));
  return list;
}

function footerBlocks(digest: Digest, omitted: number, omittedMonthlyUsd: number): SlackBlock[] {
  const parts: string[] = [];
  if (omitted > 0) parts.push(escapeMrkdwn(omittedLine(omitted, omittedMonthlyUsd)));
  const link = reportLink(digest, 'Open the full report');
  if (link) parts.push(link);
  return parts.length > 0 ? [{ type: 'context', elements: [mrkdwn(parts.join(' '))] }] : [];
}

/**
 * Renders one Block Kit message from a digest. Lists as many of the digest's top actions as fit in Slack's
 * 50-block limit next to the header and footer; the rest are summarised in the footer ("+N more actions worth
 * $X/month in the report"). Texts are cut to Slack's 3,000 characters, button values checked against 2,000.
 */
export function buildSlackMessage(digest: Digest, options: SlackMessageOptions): SlackMessage {
  const enabled = new Set(options.enabledExecutors);
  const header = headerBlocks(digest, options.audience);
  const footerReserve = 1;
  const room = Math.max(0, Math.floor((SLACK_LIMITS.blocksPerMessage - header.length - footerReserve) / BLOCKS_PER_ITEM));
  const listed = digest.top.slice(0, room);
  const omitted = digest.omitted + (digest.top.length - listed.length);

  const items = listed.flatMap((item): SlackBlock[] => {
    const { approvable, note } = approvability(item.action, enabled, options.homeAccount);
    return [
      { type: 'section', block_id: `action-${item.rank}`, text: mrkdwn(itemText(item, note)) },
      { type: 'actions', block_id: `buttons-${item.rank}`, elements: buttons(item, approvable) },
      { type: 'divider' },
    ];
  });
  const listedMonthlyUsd = listed.reduce((total, item) => total + item.action.monthlySavingsUsd, 0);
  const blocks = [...header, ...items, ...footerBlocks(digest, omitted, digest.totals.netMonthlySavingsUsd - listedMonthlyUsd)];

  const text = truncatePlain(
    `Headroom found ${digest.totals.actionCount} actions worth ${formatUsd(digest.totals.netMonthlySavingsUsd)}/month (run ${digest.runId}).`,
    SLACK_LIMITS.fallbackText,
  );
  return { channel: options.channel, text, blocks };
}

/**
 * Splits actions by an owner tag for per-team channels: an action whose `resource.tags[tagKey]` has a channel
 * in `channelMap` goes to that channel. Actions without a mapped owner are not routed (they stay in the main
 * channel only). Channels come out in order of their first action, each with its actions in ranked order.
 */
export function routeByOwner(actions: Action[], tagKey = 'team', channelMap: Record<string, string> = {}): { channel: string; owner: string; actions: Action[] }[] {
  const routes = new Map<string, { channel: string; owner: string; actions: Action[] }>();
  for (const action of actions) {
    const owner = action.resource.tags[tagKey];
    if (owner === undefined) continue;
    const channel = Object.hasOwn(channelMap, owner) ? channelMap[owner] : undefined;
    if (channel === undefined) continue;
    const route = routes.get(channel) ?? { channel, owner, actions: [] };
    route.actions.push(action);
    routes.set(channel, route);
  }
  return [...routes.values()];
}
