import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMPTY_SELECTION,
  headerState,
  isSelected,
  selectAllMatching,
  selectionCount,
  setSelected,
  targetOf,
} from '../../../src/elements/bulk-unsubscribe-table/selection.js';

describe('bulk-unsubscribe-table selection', () => {
  it('picks and unpicks ids one by one, and names exactly them as the target', () => {
    let s = setSelected(EMPTY_SELECTION, ['a', 'b', 'c'], true);
    s = setSelected(s, ['b'], false);
    assert.equal(selectionCount(s), 2);
    assert.deepEqual(targetOf(s), { kind: 'ids', ids: ['a', 'c'] });
    assert.equal(isSelected(s, 'b'), false);
  });

  it('select all matching keeps a copy of the filter: changing the caller’s object later changes nothing', () => {
    const filter: { locationId: string[]; status?: 'blocked'[] } = { locationId: ['loc-1'] };
    const s = selectAllMatching(filter, 100_000);
    filter.locationId.push('loc-2');
    filter.status = ['blocked'];
    assert.deepEqual(targetOf(s), { kind: 'filter', filter: { locationId: ['loc-1'] }, excludedIds: [] });
    assert.equal(selectionCount(s), 100_000);
  });

  it('rows deselected after select all become exclusions, and selecting them again removes them', () => {
    let s = selectAllMatching({ tag: 'vip' }, 50);
    s = setSelected(s, ['x', 'y'], false);
    assert.equal(selectionCount(s), 48);
    assert.equal(isSelected(s, 'x'), false);
    assert.equal(isSelected(s, 'z'), true, 'a row never loaded is selected');
    s = setSelected(s, ['y'], true);
    assert.deepEqual(targetOf(s), { kind: 'filter', filter: { tag: 'vip' }, excludedIds: ['x'] });
  });

  it('says "every contact" explicitly for select all with no filter: an empty filter is never sent', () => {
    assert.deepEqual(targetOf(selectAllMatching({}, 3)), { kind: 'filter', filter: { all: true }, excludedIds: [] });
  });

  it('is nothing selected once every matching contact was taken back out', () => {
    const s = setSelected(selectAllMatching({ tag: 't' }, 2), ['a', 'b'], false);
    assert.equal(s, EMPTY_SELECTION);
  });

  it('the header is checked, mixed or unchecked over the loaded rows', () => {
    const rows = ['a', 'b', 'c'];
    assert.equal(headerState(EMPTY_SELECTION, rows), 'unchecked');
    assert.equal(headerState(setSelected(EMPTY_SELECTION, ['b'], true), rows), 'mixed');
    assert.equal(headerState(setSelected(EMPTY_SELECTION, rows, true), rows), 'checked');
    assert.equal(headerState(setSelected(selectAllMatching({}, 10), ['c'], false), rows), 'mixed');
  });

  it('select all and deselect cost the same at 100,000 contacts: nothing per contact is stored', () => {
    const s = setSelected(selectAllMatching({ status: ['subscribed'] }, 100_000), ['1', '2', '3'], false);
    assert.equal(s.kind, 'matching');
    if (s.kind === 'matching') assert.equal(s.excluded.size, 3);
  });
});
