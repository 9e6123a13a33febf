/** Shared numeric helpers of the engine: one function per file, each with its formula documented. */
export { StatsInputError } from './assert-input.js';
export { mean } from './mean.js';
export { quantile } from './quantile.js';
export { quantileSorted } from './quantile-sorted.js';
export { median } from './median.js';
export { mad, MAD_TO_SIGMA } from './mad.js';
export { selectInPlace } from './select-in-place.js';
export { medianInPlace } from './median-in-place.js';
export { variance } from './variance.js';
export { standardDeviation } from './standard-deviation.js';
