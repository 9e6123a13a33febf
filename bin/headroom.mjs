#!/usr/bin/env node
// The `headroom` CLI. Its source is TypeScript; tsx compiles it on the fly so the package runs straight from a clone.
import { register } from 'tsx/esm/api';

// The SDK's notice about future Node versions is for maintainers, not for every CLI run.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('../lambdas/cli/main.ts');
