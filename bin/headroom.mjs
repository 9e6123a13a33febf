#!/usr/bin/env node
// The `headroom` CLI. Its source is TypeScript. A run loads an esbuild bundle of it from .build/ (built on the first
// run and rebuilt whenever a source file is newer than the bundle), so it starts in a fraction of a second instead of
// compiling and resolving ~330 modules through tsx every time; npm packages stay external (node_modules). Where the
// bundle cannot be built (a read-only install, esbuild missing), tsx compiles the source on the fly as before.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

// The SDK's notice about future Node versions is for maintainers, not for every CLI run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// One directory below the repository root, like lib/ and lambdas/, and every output file directly in it: the source's
// `new URL('..', import.meta.url)` (lib/paths.ts) still names the root once bundled.
const BUILD = join(ROOT, '.build');
const MANIFEST = join(BUILD, 'manifest.json');
const MAIN = 'lambdas/cli/main.ts';
/** The commands that run the state machines in-process over the handlers (lambdas/local/demo/local-analysis.ts). */
const LOCAL_RUN_COMMANDS = ['demo', 'serve'];
/** Files of builds older than this, other than the current one, are removed (a run still importing one is long done). */
const STALE_BUILD_MS = 3_600_000;

/** The current bundle, or undefined when a source file (or this launcher) changed since it was built. */
function currentBuild() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return undefined;
  }
  try {
    for (const file of [...manifest.inputs, 'bin/headroom.mjs']) if (statSync(join(ROOT, file)).mtimeMs > manifest.builtAt) return undefined;
    statSync(join(BUILD, manifest.main));
  } catch {
    return undefined; // an input was deleted or the build removed: rebuild
  }
  return manifest;
}

/**
 * Bundles the CLI and every Lambda handler (the demo imports the workflow's handlers by path) with code splitting, so
 * a module both use is one instance, as under tsx. Each build's entry files carry its id (chunks are named by their
 * content) and the manifest is replaced atomically, so concurrent runs never see half a build.
 */
async function build() {
  const { build: esbuild } = await import('esbuild');
  const handlers = readdirSync(join(ROOT, 'lambdas'), { recursive: true })
    .filter((file) => file.endsWith('handler.ts'))
    .map((file) => join('lambdas', file));
  const entryPoints = Object.fromEntries([['cli', MAIN], ...handlers.map((file, i) => [`handler-${i}`, file])].map(([name, file]) => [name, join(ROOT, file)]));
  const started = Date.now();
  const id = `${started}-${process.pid}`;
  const result = await esbuild({
    entryPoints,
    absWorkingDir: ROOT,
    outdir: BUILD,
    entryNames: `[name]-${id}`,
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'error',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const outputOf = (entry) => relative(BUILD, join(ROOT, outputs.find(([, o]) => o.entryPoint && join(ROOT, o.entryPoint) === entry)[0]));
  const manifest = {
    builtAt: started,
    outputs: outputs.map(([file]) => relative(BUILD, join(ROOT, file))),
    main: outputOf(entryPoints.cli),
    handlers: Object.fromEntries(handlers.map((file, i) => [pathToFileURL(join(ROOT, file)).href, outputOf(entryPoints[`handler-${i}`])])),
    inputs: Object.keys(result.metafile.inputs),
  };
  const temporary = `${MANIFEST}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, MANIFEST);
  const keep = new Set([...manifest.outputs, 'manifest.json']);
  for (const old of readdirSync(BUILD)) {
    const file = join(BUILD, old);
    if (!keep.has(old) && statSync(file).mtimeMs < started - STALE_BUILD_MS) rmSync(file, { force: true });
  }
  return manifest;
}

/** Sends imports of a handler's TypeScript source (the demo's `import(<root>/lambdas/…/handler.ts)`) to its bundle. */
function routeHandlers(manifest) {
  const routes = Object.fromEntries(Object.entries(manifest.handlers).map(([source, out]) => [source, pathToFileURL(join(BUILD, out)).href]));
  const hooks = `const routes = ${JSON.stringify(routes)};
export async function resolve(specifier, context, next) {
  const url = context.parentURL && !specifier.startsWith('node:') ? new URL(specifier, context.parentURL).href : specifier;
  return url in routes ? { url: routes[url], shortCircuit: true } : next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}

let manifest;
try {
  mkdirSync(BUILD, { recursive: true });
  manifest = currentBuild() ?? (await build());
} catch (error) {
  if (process.env.HEADROOM_DEBUG) process.stderr.write(`headroom: running from source (no bundle: ${error.message})\n`);
}
if (manifest) {
  process.setSourceMapsEnabled(true);
  // Only the commands that run the state machines locally import handlers by path; a loader hook costs every other
  // command ~1 s of start-up (Node runs hooks on their own thread and asks it about each module loaded).
  if (LOCAL_RUN_COMMANDS.includes(process.argv.slice(2).find((arg) => !arg.startsWith('-')))) routeHandlers(manifest);
  await import(pathToFileURL(join(BUILD, manifest.main)).href);
} else {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(pathToFileURL(join(ROOT, MAIN)).href);
}
