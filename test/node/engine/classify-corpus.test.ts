import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyInbound } from '../../../src/engine/index.js';
import { LOOK_ALIKE_REPLIES, OPT_OUT_REPLIES } from '../../fixtures/inbound-replies.js';
import type { InboundReplyCase } from '../../fixtures/inbound-replies.js';

// Invisible characters are written as escapes, so a failure shows which one was in the reply.
const visible = (text: string): string => JSON.stringify(text).replace(/[\p{Cf}\u00a0\u3000]/gu, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** What differs between an entry's expectation and the classifier's answer, or undefined. */
function mismatch(entry: InboundReplyCase): string | undefined {
  const actual = classifyInbound(entry.text);
  const expected = { intent: entry.intent, match: entry.match, keyword: entry.keyword ?? actual.keyword, language: entry.language ?? actual.language };
  const seen = { intent: actual.intent, match: actual.match, keyword: actual.keyword, language: actual.language };
  return JSON.stringify(seen) === JSON.stringify(expected) ? undefined : `${visible(entry.text)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(seen)}`;
}

function byKind(entries: readonly InboundReplyCase[]): Map<string, InboundReplyCase[]> {
  const kinds = new Map<string, InboundReplyCase[]>();
  for (const entry of entries) kinds.set(entry.kind, [...(kinds.get(entry.kind) ?? []), entry]);
  return kinds;
}

for (const [title, entries] of [
  ['opt-out replies people send', OPT_OUT_REPLIES],
  ['look-alikes that must stay out', LOOK_ALIKE_REPLIES],
] as const) {
  describe(`classifyInbound corpus: ${title}`, () => {
    for (const [kind, cases] of byKind(entries)) {
      it(`${kind}: all ${cases.length} replies classified as listed`, () => {
        const failures = cases.map(mismatch).filter((failure) => failure !== undefined);
        assert.deepEqual(failures, [], `${failures.length} of ${cases.length} wrong:\n${failures.join('\n')}`);
      });
    }
  });
}

describe('classifyInbound corpus: contents', () => {
  it('holds at least 100 opt-outs (English and French) and 100 look-alikes, each with a source', () => {
    assert.ok(OPT_OUT_REPLIES.length >= 100, `${OPT_OUT_REPLIES.length} opt-outs`);
    assert.ok(LOOK_ALIKE_REPLIES.length >= 100, `${LOOK_ALIKE_REPLIES.length} look-alikes`);
    for (const language of ['en', 'fr']) {
      assert.ok(OPT_OUT_REPLIES.filter((entry) => entry.language === language).length >= 30, `${language} opt-outs`);
    }
    for (const entry of [...OPT_OUT_REPLIES, ...LOOK_ALIKE_REPLIES]) assert.ok(entry.source.trim() !== '', JSON.stringify(entry.text));
    assert.ok(OPT_OUT_REPLIES.every((entry) => entry.intent === 'opt-out' || entry.intent === 'opt-out-all'));
    assert.ok(LOOK_ALIKE_REPLIES.every((entry) => entry.intent !== 'opt-out' && entry.intent !== 'opt-out-all'));
  });

  it('lists each reply once', () => {
    const texts = [...OPT_OUT_REPLIES, ...LOOK_ALIKE_REPLIES].map((entry) => entry.text);
    assert.deepEqual(texts.filter((text, i) => texts.indexOf(text) !== i), []);
  });
});
