// The README tells hosts which Content-Security-Policy the elements need; it must show the very
// policy the demo and the browser tests run under, not a copy that drifted.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { CONTENT_SECURITY_POLICY, ELEMENTS_CONTENT_SECURITY_POLICY } from '../../../scripts/content-security-policy.mjs';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

test('README shows hosts the policy the elements are tested under', () => {
  assert.ok(readme.includes(`Content-Security-Policy: ${ELEMENTS_CONTENT_SECURITY_POLICY}\n`), ELEMENTS_CONTENT_SECURITY_POLICY);
});

test('README shows the demo and browser tests’ policy, the elements’ plus the mock worker’s', () => {
  assert.ok(readme.includes(`Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n`), CONTENT_SECURITY_POLICY);
});
