// The browser tests run under the strict policy the README gives hosts, and the guard sees what
// the policy refuses: these show both, so a guard that sees nothing cannot pass for a clean run.
import { expect } from '@open-wc/testing';
import { CONTENT_SECURITY_POLICY } from '../../../scripts/content-security-policy.mjs';
import { withTrustedWorkerUrl } from '../../../mocks/worker-url.js';
import { takeViolations } from '../helpers/policy-guard.js';

describe('Content-Security-Policy of the browser tests', () => {
  it('is the documented policy, Trusted Types included', async () => {
    const response = await fetch(location.href);
    expect(response.headers.get('Content-Security-Policy')).to.equal(CONTENT_SECURITY_POLICY);
  });

  it('refuses markup given to innerHTML as a string, and the guard sees it', async () => {
    expect(() => {
      document.createElement('div').innerHTML = '<img src=x>';
    }).to.throw(TypeError);
    const violations = await takeViolations();
    expect(violations.map((v) => `${v.directive} ${v.blocked}`)).to.deep.equal(['require-trusted-types-for trusted-types-sink']);
  });

  it('refuses code made from a string, and the guard sees it', async () => {
    expect(() => new Function('return 1')).to.throw();
    const violations = await takeViolations();
    expect(violations.length).to.be.greaterThan(0);
  });

  it('the mock worker policy vouches for the worker script only', async () => {
    let started = false;
    let refused: unknown;
    try {
      await withTrustedWorkerUrl('/somewhere-else.js', async () => {
        started = true;
      });
    } catch (error) {
      refused = error;
    }
    expect(started).to.equal(false);
    expect(String(refused)).to.contain('only vouches for');
    expect(await takeViolations()).to.deep.equal([]);
  });
});
