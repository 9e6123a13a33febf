/** The sample account: generator, model and the ports the collectors read it through. */
export { generateSampleAccount, DEFAULT_SAMPLE_NOW, SAMPLE_ACCOUNT_ID, PRIMARY_REGION, SECONDARY_REGION, type GenerateOptions } from './generate.js';
export { createSamplePortsFor, type SamplePortsOptions } from './sample-ports.js';
export type { SampleAccount, SampleResource, Incident, Archetype } from './model.js';
export { summariseSampleAccount, type SampleAccountSummary } from './summary.js';
