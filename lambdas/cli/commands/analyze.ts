// PLACEHOLDER: replaced by the owner of this command.
import type { Command } from 'commander';

export function registerAnalyze(_program: Command): void {}
