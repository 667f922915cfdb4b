// Loaded only by `npm run mutation` (stryker.config.mjs). A property that fails has killed its
// mutant; shrinking to the smallest counterexample only costs time, often past Stryker's timeout,
// where the mutant would count as timed out instead of killed.
import fc from 'fast-check';

fc.configureGlobal({ endOnFailure: true });
