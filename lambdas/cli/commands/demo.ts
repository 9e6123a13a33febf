import * as path from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { totalMonthlySavingsUsd } from '../../engine/prioritise/prioritise.js';
import { runDemo } from '../../local/demo/run-demo.js';
import { formatActionTable } from '../format/action-table.js';

function integerOption(name: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    }
    return value;
  };
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Run the whole pipeline locally on a generated sample account: no AWS account needed')
    .option('--resources <n>', 'resources in the sample account', integerOption('--resources', 1, 20_000), 200)
    .option('--seed <s>', 'seed of the sample account generator', integerOption('--seed', 0, 2 ** 31 - 1), 42)
    .option('--out <dir>', 'where to write report.html, slack.json, email.*, findings.json, snapshot.json', 'out')
    .action(async (options: { resources: number; seed: number; out: string }) => {
      const started = performance.now();
      const progress = (line: string) => {
        process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
      };
      const outDir = path.resolve(options.out);
      const result = await runDemo({ resources: options.resources, seed: options.seed, outDir, progress });
      process.stdout.write(`${formatActionTable(result.actions)}\n`);
      process.stdout.write(
        `\nrun ${result.runId}: ${result.run.status}, ${result.actions.length} actions, ` +
          `$${totalMonthlySavingsUsd(result.actions).toFixed(2)}/month, ${result.run.failedBatches.length} failed batches, ` +
          `${result.seconds.toFixed(1)} s\n`,
      );
      if (result.approval) {
        process.stdout.write(`approval: ${result.approval.actionId} approved in Slack (signed payload) → apply workflow: ${result.approval.steps.join(' → ')} → ${result.approval.outcome}\n`);
      }
      process.stdout.write(`wrote ${result.files.map((file) => path.join(path.relative(process.cwd(), outDir) || '.', file)).join(', ')}\n`);
    });
}
