#!/usr/bin/env node
// The `headroom` CLI. Its source is TypeScript; tsx compiles it on the fly so the package runs straight from a clone.
import { register } from 'tsx/esm/api';

register();
await import('../lambdas/cli/main.ts');
