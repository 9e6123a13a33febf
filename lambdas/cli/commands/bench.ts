// PLACEHOLDER: replaced by the owner of this command.
import type { Command } from 'commander';

export function registerBench(_program: Command): void {}
