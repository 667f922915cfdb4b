// What the user selected in the table, kept so that it costs the same at 100,000 contacts as at 5:
// either the ids picked one by one, or "every contact matching this filter" with the ids taken
// back out. Pure: no Lit, no DOM.
import type { BulkTargetSelection, ContactFilter } from '../../client/types.js';

/** Nothing selected, or ids picked one by one (at most the loaded rows). */
interface PickedSelection {
  readonly kind: 'ids';
  readonly ids: ReadonlySet<string>;
}

/** Every contact matching `filter` (`total` when it was taken), minus `excluded`. */
interface MatchingSelection {
  readonly kind: 'matching';
  /** The filter as it was when "Select all matching" was chosen: the audience is frozen to it. */
  readonly filter: ContactFilter;
  readonly total: number;
  readonly excluded: ReadonlySet<string>;
}

export type SelectionState = PickedSelection | MatchingSelection;

export const EMPTY_SELECTION: SelectionState = { kind: 'ids', ids: new Set() };

/** How many contacts the selection holds. */
export function selectionCount(selection: SelectionState): number {
  return selection.kind === 'ids' ? selection.ids.size : Math.max(0, selection.total - selection.excluded.size);
}

/** Whether the contact `id` (a row of the list the selection was made on) is selected. */
export function isSelected(selection: SelectionState, id: string): boolean {
  return selection.kind === 'ids' ? selection.ids.has(id) : !selection.excluded.has(id);
}

/** The selection with `ids` selected (`on`) or deselected. O(ids), whatever the selection's size. */
export function setSelected(selection: SelectionState, ids: readonly string[], on: boolean): SelectionState {
  if (selection.kind === 'ids') {
    const next = new Set(selection.ids);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    return { kind: 'ids', ids: next };
  }
  const excluded = new Set(selection.excluded);
  for (const id of ids) {
    if (on) excluded.delete(id);
    else excluded.add(id);
  }
  const next: MatchingSelection = { ...selection, excluded };
  // Everyone taken back out is nothing selected: say so rather than keep an empty "all".
  return selectionCount(next) === 0 ? EMPTY_SELECTION : next;
}

/** Every contact matching `filter`: O(1), the filter is kept, not the ids. */
export function selectAllMatching(filter: ContactFilter, total: number): SelectionState {
  // A deep copy: the caller changing its arrays later (another location) must not change who is selected.
  return { kind: 'matching', filter: structuredClone(filter), total, excluded: new Set() };
}

/**
 * The bulk target the selection names, exactly: ids as picked, or the frozen filter minus the
 * exclusions. A filter with no key is "every contact", which the contract wants said explicitly.
 */
export function targetOf(selection: SelectionState): BulkTargetSelection {
  if (selection.kind === 'ids') return { kind: 'ids', ids: [...selection.ids] };
  const filter: ContactFilter = Object.keys(selection.filter).length === 0 ? { all: true } : structuredClone(selection.filter);
  return { kind: 'filter', filter, excludedIds: [...selection.excluded] };
}

/** Whether the header checkbox is checked, mixed or unchecked over the loaded rows `ids`. */
export function headerState(selection: SelectionState, ids: readonly string[]): 'checked' | 'mixed' | 'unchecked' {
  let on = 0;
  for (const id of ids) if (isSelected(selection, id)) on++;
  if (on === 0) return 'unchecked';
  return on === ids.length ? 'checked' : 'mixed';
}
