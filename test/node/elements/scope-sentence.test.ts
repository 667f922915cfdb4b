// The scope sentence the elements show reads, in English, word for word as the engine's own, so
// the wording admins copy to their teams has one source.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OPT_OUT_SCOPES, explainScope } from '../../../src/engine/index.js';
import { scopeMessages } from '../../../src/elements/shared/labels.js';
import { sampleChannels } from '../../../mocks/fixtures/sample-organization.js';

describe('scopeMessages (the elements’ wording of explainScope)', () => {
  for (const scope of OPT_OUT_SCOPES) {
    for (const example of sampleChannels) {
      it(`${scope}, STOP to ${example.name}: the same sentence as the engine's`, () => {
        assert.equal(explainScope(scope, sampleChannels, example, scopeMessages()), explainScope(scope, sampleChannels, example));
      });
    }
  }
});
