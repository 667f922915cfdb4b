import { css, unsafeCSS } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';

/** Every row has this height, so a jump to row 100,000 lands exactly (nothing to measure). */
export const ROW_HEIGHT = 44;
/** The sticky header row's height: the virtualizer's rows start below it. */
export const HEADER_HEIGHT = 36;

export const styles = [
  tokens,
  dialogStyles,
  css`
    :host {
      display: block;
      container: bulk-unsubscribe-table / inline-size;
    }
    :host([hidden]) {
      display: none;
    }
    .base {
      display: grid;
      gap: var(--_space-3);
      background: var(--_color-surface);
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space-2) var(--_space-4);
    }
    h2 {
      margin: 0;
      font-size: 16px;
      font-weight: 600;
    }
    h3 {
      margin: 0 0 var(--_space-2);
      font-size: 14px;
      font-weight: 600;
    }
    p {
      margin: 0;
    }
    .total,
    .muted,
    .selected-count {
      color: var(--_color-muted);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: var(--_space-2);
      margin-inline-start: auto;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2) var(--_space-3);
      align-items: end;
    }
    .filters label {
      display: grid;
      gap: var(--_space-1);
      font-weight: 600;
    }
    .filters .search {
      flex: 1 1 14rem;
    }
    input,
    select {
      font: inherit;
      font-weight: 400;
      min-height: 28px;
      padding: 0 var(--_space-2);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface);
      color: inherit;
    }
    input[type='checkbox'],
    input[type='radio'] {
      min-height: 0;
      width: 16px;
      height: 16px;
      margin: 0;
      accent-color: var(--_color-accent);
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      align-items: center;
      padding: var(--_space-2) var(--_space-3);
      background: var(--_color-subtle);
      border-radius: var(--_radius);
    }
    button.link {
      min-height: 0;
      padding: 0;
      border: 0;
      background: none;
      color: var(--_color-accent);
      text-decoration: underline;
    }
    .scroller {
      height: var(--optout-bulk-unsubscribe-table-height, 480px);
      overflow: auto;
      overscroll-behavior: contain;
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      contain: strict;
    }
    .grid {
      min-width: 52rem;
    }
    .row {
      display: grid;
      grid-template-columns: 2.5rem minmax(9rem, 1.2fr) minmax(11rem, 1.4fr) minmax(7rem, 1fr) minmax(11rem, 1.4fr) minmax(7rem, 0.8fr);
      align-items: center;
      height: ${unsafeCSS(ROW_HEIGHT)}px;
      box-sizing: border-box;
      border-bottom: 1px solid var(--_color-border);
    }
    .row.head {
      position: sticky;
      top: 0;
      z-index: 1;
      height: ${unsafeCSS(HEADER_HEIGHT)}px;
      background: var(--_color-subtle);
      font-weight: 600;
    }
    .row[aria-selected='true'] {
      background: color-mix(in srgb, var(--_color-accent) 10%, var(--_color-surface));
    }
    .row.placeholder {
      grid-template-columns: 1fr;
      color: var(--_color-muted);
    }
    .cell {
      padding: 0 var(--_space-2);
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      display: flex;
      gap: var(--_space-1);
      align-items: center;
      min-width: 0;
    }
    .cell.check {
      justify-content: center;
    }
    .cell.name a {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    button.sort {
      min-height: 0;
      padding: 0;
      border: 0;
      background: none;
      font-weight: 600;
    }
    .body {
      position: relative;
    }
    .window {
      position: absolute;
      inset: 0 0 auto 0;
    }
    .destination + .destination::before {
      content: '·';
      margin-inline-end: var(--_space-1);
      color: var(--_color-muted);
    }
    .invalid,
    .status .icon,
    .problem {
      color: var(--_color-cannot);
    }
    .row[data-status='subscribed'] .status .icon {
      color: var(--_color-can);
    }
    .message {
      display: grid;
      gap: var(--_space-2);
      justify-items: start;
      padding: var(--_space-4);
      border: 1px dashed var(--_color-border);
      border-radius: var(--_radius);
    }
    .job {
      display: grid;
      gap: var(--_space-2);
      padding: var(--_space-3);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      justify-items: start;
    }
    progress {
      width: 100%;
      height: 12px;
      accent-color: var(--_color-accent);
    }
    dl {
      margin: 0;
      display: grid;
      gap: var(--_space-1);
    }
    dl div {
      display: flex;
      gap: var(--_space-2);
      justify-content: space-between;
    }
    dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    dialog {
      --_dialog-width: 40rem;
    }
    .preview {
      display: grid;
      gap: var(--_space-3);
    }
    fieldset label {
      display: flex;
      gap: var(--_space-2);
      align-items: center;
    }
    .count,
    .confirm-label {
      font-weight: 600;
    }
    /* A tip looks like the dialogs' warning. */
    .tip {
      display: flex;
      gap: var(--_space-2);
      align-items: flex-start;
      padding: var(--_space-2) var(--_space-3);
      border-inline-start: 3px solid var(--_color-warning);
      background: var(--_color-subtle);
    }
    .tip .icon {
      color: var(--_color-warning);
    }
    .breakdown {
      display: flex;
      flex-wrap: wrap;
      /* Side by side, a shorter table keeps its own row heights. */
      align-items: flex-start;
      gap: var(--_space-4);
    }
    .breakdown table {
      border-collapse: collapse;
    }
    .breakdown caption {
      text-align: start;
      font-weight: 600;
    }
    .breakdown th,
    .breakdown td {
      padding: var(--_space-1) var(--_space-2);
      border-bottom: 1px solid var(--_color-border);
      text-align: start;
    }
    .sample {
      margin: 0;
      padding-inline-start: var(--_space-4);
      columns: 2;
    }

    /* A side panel: the grid scrolls sideways inside its box; the controls stack. */
    @container bulk-unsubscribe-table (max-width: 639px) {
      .filters label {
        flex: 1 1 100%;
      }
      .actions {
        margin-inline-start: 0;
      }
    }
  `,
];
