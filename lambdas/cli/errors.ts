/** An error whose message is one clear sentence for the user; the CLI prints it on stderr and exits non-zero. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}
