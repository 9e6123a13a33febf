import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in lib/). Handler entries in lib/handlers.ts are relative to it. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
