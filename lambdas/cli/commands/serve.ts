import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import type { Command } from 'commander';
import { MAX_BODY_BYTES, type HttpResult, type RawRequest } from '../../actions/interactions/function-url-event.js';
import { createInteractionHandler, type InteractionHandler } from '../../actions/interactions/handle-interaction.js';
import { createResponseUrlPoster, type RespondToSlack } from '../../actions/slack/response-url.js';
import type { Action } from '../../engine/types/action.js';
import { createLocalApplyStarter, type LocalExecution } from '../../local/demo/local-apply.js';
import { DEMO_EXECUTORS, runLocalAnalysis } from '../../local/demo/local-analysis.js';
import { commaList } from '../../notify/env-list.js';
import type { HeadroomStore } from '../../shared/store/store.js';
import { CliError } from '../errors.js';

/** The one route; Slack's Interactivity Request URL is `<tunnel>/slack/interactions`. */
export const INTERACTIONS_PATH = '/slack/interactions';

export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

function send(response: ServerResponse, result: HttpResult): void {
  response.writeHead(result.statusCode, result.headers);
  response.end(result.body);
}

/** Reads the body as the exact bytes sent, giving up (undefined) past `limit` bytes without buffering the rest. */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(undefined);
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Serves `handle` (the same transport-neutral handler the Lambda Function URL uses) at POST /slack/interactions:
 * 404 for other paths, 405 for other methods, 413 past 1 MB; a failure inside the handler is logged and answered
 * 500 so the server keeps running.
 */
export async function startInteractionsServer(handle: InteractionHandler, options: { port: number; host: string; log?: (line: string) => void }): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== INTERACTIONS_PATH) return send(response, { statusCode: 404, headers: { 'content-type': 'text/plain' }, body: `Not found: only POST ${INTERACTIONS_PATH} is served.` });
    if (request.method !== 'POST') return send(response, { statusCode: 405, headers: { 'content-type': 'text/plain', allow: 'POST' }, body: 'Method not allowed: use POST.' });
    void (async () => {
      try {
        const body = await readBody(request, MAX_BODY_BYTES);
        if (body === undefined) {
          response.setHeader('connection', 'close');
          return send(response, { statusCode: 413, headers: { 'content-type': 'text/plain' }, body: `The request body is over the ${MAX_BODY_BYTES}-byte limit for Slack interactions.` });
        }
        const headers: RawRequest['headers'] = {};
        for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
        const result = await handle({ headers, body });
        log(`${new Date().toISOString()} POST ${INTERACTIONS_PATH} → ${result.statusCode}`);
        send(response, result);
      } catch (error) {
        log(`${new Date().toISOString()} POST ${INTERACTIONS_PATH} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) send(response, { statusCode: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal error; see the server log.' });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port must be a whole number from 0 to 65535, got "${text}".`);
  return port;
}

function parseWholeNumber(flag: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new CliError(`${flag} must be a whole number from ${min} to ${max}, got "${text}".`);
    return value;
  };
}

export interface ServeOptions {
  port: number;
  host: string;
  /** Size and seed of the sample account the local store is seeded with (as `headroom demo`); default 200 and 42. */
  resources?: number;
  seed?: number;
  /** Where slack.json (the run's Block Kit digest) is written; default `out`. */
  outDir?: string;
  /** The sample account's "now"; default the current time. */
  now?: number;
  env?: Record<string, string | undefined>;
  /** Request log lines (one per POST); default stderr. */
  log?: (line: string) => void;
  /** Seeding progress and apply workflow steps; default stderr. */
  progress?: (line: string) => void;
  /** Feedback poster; default posts to the click's response_url on hooks.slack.com. */
  respond?: RespondToSlack;
}

/** A running `headroom serve`: the server, the seeded run and the apply executions clicks have started. */
export interface LocalServer extends RunningServer {
  runId: string;
  /** The run's actions an approver can approve here (their executor is enabled), in rank order. */
  approvable: Action[];
  /** The Block Kit digest of the run, written for Slack's Block Kit Builder or a bot's chat.postMessage. */
  slackFile?: string;
  executions: LocalExecution[];
  /** The seeded local store (decisions and audit records of clicks land here). */
  store: HeadroomStore;
}

/**
 * `headroom serve`: seeds the local store (dynalite) with a finished run on the sample account (the demo's pipeline:
 * collectors, the deployed analysis state machine run locally), writes that run's Slack digest to slack.json and
 * serves the interactions endpoint over the store. An Approve click runs the apply state machine the stack deploys,
 * in-process against the sample account, as the demo does; Snooze and Dismiss are recorded and audited.
 * Env: SLACK_SIGNING_SECRET (required); APPROVER_IDS and HIGH_RISK_APPROVER_IDS (comma lists, as in the stack);
 * ENABLED_EXECUTORS (default: all seven, which the sample account answers).
 */
export async function serve(options: ServeOptions): Promise<LocalServer> {
  const env = options.env ?? process.env;
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  if (!signingSecret) throw new CliError('SLACK_SIGNING_SECRET is not set; export the signing secret from your Slack app\'s Basic Information page.');
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const progress = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const enabledExecutors = env.ENABLED_EXECUTORS === undefined ? [...DEMO_EXECUTORS] : commaList(env.ENABLED_EXECUTORS);
  const local = await runLocalAnalysis({ resources: options.resources ?? 200, seed: options.seed ?? 42, now: options.now, progress });
  try {
    const { account, run, actions } = local;
    let slackFile: string | undefined;
    if (local.slack) {
      const outDir = path.resolve(options.outDir ?? 'out');
      mkdirSync(outDir, { recursive: true });
      slackFile = path.join(outDir, 'slack.json');
      writeFileSync(slackFile, `${JSON.stringify(local.slack, null, 2)}\n`);
    }
    const apply = createLocalApplyStarter({
      store: local.store,
      applyDefinition: local.definitions.apply,
      portsFor: local.portsFor,
      account: account.accountId,
      enabledExecutors,
      fallbackChannel: 'C0LOCAL',
      progress,
    });
    const handle = createInteractionHandler({
      store: local.store,
      startExecution: apply.startExecution,
      signingSecret,
      approverIds: commaList(env.APPROVER_IDS),
      highRiskApproverIds: commaList(env.HIGH_RISK_APPROVER_IDS),
      enabledExecutors,
      homeAccount: account.accountId,
      respond: options.respond ?? createResponseUrlPoster(),
      now: () => new Date(),
      log: (entry) => log(JSON.stringify(entry)),
    });
    let server: RunningServer;
    try {
      server = await startInteractionsServer(handle, { port: options.port, host: options.host, log });
    } catch (error) {
      throw new CliError(`could not listen on ${options.host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const approvable = actions.filter((action) => action.automation.executor !== null && enabledExecutors.includes(action.automation.executor));
    return {
      url: server.url,
      runId: run.runId,
      approvable,
      slackFile,
      executions: apply.executions,
      store: local.store,
      async close() {
        await server.close();
        // Let started executions finish before their store goes away.
        await Promise.allSettled(apply.executions.map((execution) => execution.done));
        await local.stop();
      },
    };
  } catch (error) {
    await local.stop();
    throw error;
  }
}

/** What `headroom serve` prints once it listens: where to point Slack, the run, and actions to try. */
export function describeServer(running: LocalServer, approverIds: string[]): string[] {
  const lines = [
    `listening on ${running.url}${INTERACTIONS_PATH} (Ctrl-C to stop)`,
    `run ${running.runId}: ${running.approvable.length} approvable actions${running.slackFile ? `; its digest is in ${running.slackFile}` : ''}`,
  ];
  for (const action of running.approvable.slice(0, 5)) {
    lines.push(`  ${action.id}  ${action.automation.executor}  ${action.resource.name}  $${action.monthlySavingsUsd.toFixed(2)}/month`);
  }
  lines.push(approverIds.length > 0 ? `approvers: ${approverIds.join(', ')}` : 'no APPROVER_IDS set: Approve clicks will be refused (Snooze and Dismiss work)');
  return lines;
}

/** `headroom serve [--port P] [--host H]`: the Slack interactions endpoint on this machine, over the local store. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(`Serve the Slack interactions endpoint (POST ${INTERACTIONS_PATH}) locally over the embedded store, for trying Slack flows through a tunnel`)
    .option('--port <port>', 'port to listen on (0 picks a free one)', '3000')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--resources <n>', 'resources in the sample account the local store is seeded with', '200')
    .option('--seed <s>', 'seed of the sample account generator', '42')
    .option('--out <dir>', 'where to write slack.json, the digest of the seeded run', 'out')
    .action(async (options: { port: string; host: string; resources: string; seed: string; out: string }) => {
      const started = performance.now();
      const progress = (line: string) => process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
      const running = await serve({
        port: parsePort(options.port),
        host: options.host,
        resources: parseWholeNumber('--resources', 1, 20_000)(options.resources),
        seed: parseWholeNumber('--seed', 0, 2 ** 31 - 1)(options.seed),
        outDir: options.out,
        progress,
      });
      for (const line of describeServer(running, commaList(process.env.APPROVER_IDS))) process.stderr.write(`headroom: ${line}\n`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => {
          process.stderr.write('headroom: shutting down\n');
          running.close().then(resolve, (error: unknown) => {
            process.stderr.write(`headroom: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exitCode = 1;
            resolve();
          });
        });
      });
    });
}
