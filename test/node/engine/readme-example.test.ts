// The README's engine example is what a new user copies first; its quoted answers must be the
// engine's real ones.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { explainScope, resolveOptOutChannels } from '../../../src/engine/index.js';
import { sampleChannels as channels } from '../../../mocks/fixtures/sample-organization.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const example = /## Using the engine\n+```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
const downtownSms = channels.find((channel) => channel.id === 'ch-downtown-sms');

/** The comment quoting what `call` answers: on the same line, or alone on the next one. */
function quotedAnswer(call: string): string {
  const lines = example.split('\n');
  const at = lines.findIndex((line) => line.startsWith(call));
  assert.ok(at >= 0, `the README example calls ${call}`);
  const sameLine = /;\s*\/\/ (.+)$/.exec(lines[at] ?? '')?.[1];
  const answer = sameLine ?? /^\/\/ (.+)$/.exec(lines[at + 1] ?? '')?.[1];
  assert.ok(answer, `the README quotes what ${call} answers`);
  return answer;
}

/** Reads a quoted JavaScript string or array of strings, as the README writes them, as JSON. */
function parseQuoted(text: string): unknown {
  return JSON.parse(text.replace(/'((?:[^'\\]|\\.)*)'/g, (_, inner: string) => JSON.stringify(inner)));
}

describe('README: Using the engine', () => {
  it('quotes the channels resolveOptOutChannels really returns', () => {
    assert.ok(downtownSms, 'the sample organization has ch-downtown-sms');
    assert.deepEqual(parseQuoted(quotedAnswer("resolveOptOutChannels(downtownSms, 'channel-type', channels)")), resolveOptOutChannels(downtownSms, 'channel-type', channels));
  });

  it('quotes the sentence explainScope really prints', () => {
    assert.ok(downtownSms, 'the sample organization has ch-downtown-sms');
    assert.equal(parseQuoted(quotedAnswer("explainScope('channel-type', channels, downtownSms)")), explainScope('channel-type', channels, downtownSms));
  });
});
