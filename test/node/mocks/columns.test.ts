// The base's long lists are saved one array per field (mocks/persistence.ts): read back, they
// are the same records.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fromColumns, toColumns } from '../../../mocks/persistence.js';
import { generateSeed } from '../../../mocks/seed/seed.js';

describe('mock persistence: records saved by field', () => {
  test('contacts, consent records and audit events read back as they were, optional fields absent where they were', () => {
    const { contacts, consent, audit } = generateSeed({ contacts: 500 });
    for (const records of [contacts, consent, audit] as object[][]) {
      const saved = structuredClone(toColumns(records));
      assert.deepEqual(fromColumns(saved), records);
    }
    const mixed = [{ a: 1 }, { b: 'x', a: null }, {}, { c: [1, { d: 2 }] }];
    const back = fromColumns<Record<string, unknown>>(toColumns(mixed));
    assert.deepEqual(back, mixed);
    assert.deepEqual(back.map((r) => Object.keys(r).sort()), [['a'], ['a', 'b'], [], ['c']]);
  });
});
