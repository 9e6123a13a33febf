// aws-local-stepfunctions 3 relies on Promise.withResolvers (Node 22); Node 20 needs the polyfill.
import '../lambdas/local/polyfills.js';
