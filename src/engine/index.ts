export * from './types.js';
export * from './classify.js';
export { matchOptOutPhrase } from './phrases.js';
export * from './scope.js';
export * from './eligibility.js';
export * from './merge.js';
export * from './consent.js';
export * from './permissions.js';
export * from './status.js';
