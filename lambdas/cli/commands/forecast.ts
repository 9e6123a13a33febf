// PLACEHOLDER: replaced by the owner of this command.
import type { Command } from 'commander';

export function registerForecast(_program: Command): void {}
