import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { MAX_BODY_BYTES, type HttpResult, type RawRequest } from '../../actions/interactions/function-url-event.js';
import { createInteractionHandler, type InteractionDeps, type InteractionHandler } from '../../actions/interactions/handle-interaction.js';
import { createResponseUrlPoster, type RespondToSlack } from '../../actions/slack/response-url.js';
import { LOCAL_TABLE_NAME, startLocalEnvironment } from '../../local/demo/local-environment.js';
import { createDocumentClient } from '../../shared/aws/dynamodb.js';
import { commaList } from '../../notify/env-list.js';
import { DynamoStore } from '../../shared/store/dynamo-store.js';
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

export interface ServeOptions {
  port: number;
  host: string;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  /** Feedback poster; default posts to the click's response_url on hooks.slack.com. */
  respond?: RespondToSlack;
}

/**
 * Starts the local store (dynalite) and the interactions server over it. Env: SLACK_SIGNING_SECRET (required),
 * APPROVER_IDS, HIGH_RISK_APPROVER_IDS and ENABLED_EXECUTORS (comma lists, as in the stack). Approvals are
 * recorded and audited like in AWS; the apply workflow is not run here: the execution it would start is logged
 * (`headroom demo` runs one end to end).
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  if (!signingSecret) throw new CliError('SLACK_SIGNING_SECRET is not set; export the signing secret from your Slack app\'s Basic Information page.');
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const local = await startLocalEnvironment({});
  const documents = createDocumentClient();
  const startExecution: InteractionDeps['startExecution'] = async ({ name, input }) => {
    log(`apply workflow requested: ${name} ${JSON.stringify(input)} (not run by serve)`);
    return { executionArn: `arn:aws:states:local:000000000000:execution:headroom-apply:${name}` };
  };
  const handle = createInteractionHandler({
    store: new DynamoStore(documents, LOCAL_TABLE_NAME),
    startExecution,
    signingSecret,
    approverIds: commaList(env.APPROVER_IDS),
    highRiskApproverIds: commaList(env.HIGH_RISK_APPROVER_IDS),
    enabledExecutors: commaList(env.ENABLED_EXECUTORS),
    respond: options.respond ?? createResponseUrlPoster(),
    now: () => new Date(),
    log: (entry) => log(JSON.stringify(entry)),
  });
  let server: RunningServer;
  try {
    server = await startInteractionsServer(handle, { port: options.port, host: options.host, log });
  } catch (error) {
    await local.stop();
    throw new CliError(`could not listen on ${options.host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    url: server.url,
    async close() {
      documents.destroy();
      await server.close();
      await local.stop();
    },
  };
}

/** `headroom serve [--port P] [--host H]`: the Slack interactions endpoint on this machine, over the local store. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(`Serve the Slack interactions endpoint (POST ${INTERACTIONS_PATH}) locally over the embedded store, for trying Slack flows through a tunnel`)
    .option('--port <port>', 'port to listen on (0 picks a free one)', '3000')
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .action(async (options: { port: string; host: string }) => {
      const running = await serve({ port: parsePort(options.port), host: options.host });
      process.stderr.write(`headroom: listening on ${running.url}${INTERACTIONS_PATH} (Ctrl-C to stop)\n`);
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
