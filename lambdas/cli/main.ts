import '../local/polyfills.js';
import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { CliError } from './errors.js';
import { registerDemo } from './commands/demo.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerDetect } from './commands/detect.js';
import { registerForecast } from './commands/forecast.js';
import { registerEval } from './commands/eval.js';
import { registerServe } from './commands/serve.js';
import { registerScan } from './commands/scan.js';

const program = new Command()
  .name('headroom')
  .description('Serverless cost-performance optimizer for AWS: collect, analyse, forecast, prioritise, act safely.')
  .exitOverride();

// A reader that stops early (`headroom analyze … | head`) closes stdout: that ends the command quietly, as in other
// Unix tools, rather than with an unhandled EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

for (const register of [registerDemo, registerAnalyze, registerDetect, registerForecast, registerEval, registerScan, registerServe]) {
  register(program);
}

function describe(error: unknown): string {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return `invalid input at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander already printed help or its own one-line error.
    process.exitCode = error.exitCode;
  } else {
    process.stderr.write(`headroom: ${describe(error)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
