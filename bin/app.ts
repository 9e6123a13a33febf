// CDK app entry (cdk.json: "npx tsx bin/app.ts"). A bad deploy configuration prints one line and exits 1.
import { DeployConfigError } from '../lib/config.js';
import { buildApp } from '../lib/app.js';

try {
  buildApp().app.synth();
} catch (error) {
  if (!(error instanceof DeployConfigError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
