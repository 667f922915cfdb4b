// The Content-Security-Policy the demo and the browser tests run under, and that README.md shows
// hosts: one definition, so the policy that is tested is the policy that is documented.
//
// Beyond 'self', the page needs two Trusted Types policy names and nothing else:
// - `lit-html`: Lit's own policy, created when Lit loads, for the static parts of its templates
//   (code, never data). Every page with the elements needs it.
// - `optout-mock-worker`: the mock backend's, vouching only for the URL of MSW's service worker
//   (`navigator.serviceWorker.register` is a Trusted Types sink). Only the demo and the browser
//   tests need it; a host's page does not.

/** The Trusted Types policies the elements create (a host's page needs the first only). */
export const ELEMENT_TRUSTED_TYPES = ['lit-html'];

/** The policy the mock backend creates to register MSW's service worker. */
export const MOCK_WORKER_TRUSTED_TYPES = ['optout-mock-worker'];

/** Serializes directives, in order. */
function serialize(trustedTypes) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes.join(' ')}`,
  ].join('; ');
}

/** What a host's page needs for the elements. */
export const ELEMENTS_CONTENT_SECURITY_POLICY = serialize(ELEMENT_TRUSTED_TYPES);

/** What the demo and the browser tests run under: the elements' policy plus the mock's worker. */
export const CONTENT_SECURITY_POLICY = serialize([...ELEMENT_TRUSTED_TYPES, ...MOCK_WORKER_TRUSTED_TYPES]);
