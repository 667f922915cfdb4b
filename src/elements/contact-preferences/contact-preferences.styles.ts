import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { elementStyles } from '../shared/element.styles.js';

export const styles = [
  tokens,
  elementStyles,
  // The dialogs' and the pending requests' styles come with them (contact-preferences.on-demand.ts).
  css`
    :host {
      container: contact-preferences / inline-size;
    }
    .contact {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: var(--_space-1) var(--_space-3);
    }
    .name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .destinations {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-1) var(--_space-3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .destinations li {
      display: inline-flex;
      align-items: center;
      gap: var(--_space-1);
      overflow-wrap: anywhere;
    }
    [data-valid='yes'] > .icon,
    [data-can='yes'] > .icon,
    .status[data-can='yes'] {
      color: var(--_color-can);
    }
    [data-valid='no'] > .icon,
    [data-can='no'] > .icon,
    .status[data-can='no'],
    .invalid {
      color: var(--_color-cannot);
    }
    .blocked {
      display: flex;
      gap: var(--_space-2);
      align-items: flex-start;
      padding: var(--_space-2) var(--_space-3);
      border: 1px solid var(--_color-cannot);
      border-radius: var(--_radius);
      color: var(--_color-cannot);
      overflow-wrap: anywhere;
    }
    .summary {
      display: flex;
      gap: var(--_space-2);
      align-items: center;
      font-weight: 600;
    }
    .rule {
      padding: var(--_space-2) var(--_space-3);
      background: var(--_color-subtle);
      border-radius: var(--_radius);
    }
    .rule-label {
      font-weight: 600;
    }
    .rule a {
      white-space: nowrap;
      margin-inline-start: var(--_space-1);
    }
    .grid-wrap {
      overflow-x: auto;
    }
    .grid {
      width: 100%;
      border-collapse: collapse;
      table-layout: fixed;
    }
    .grid th,
    .grid td {
      padding: var(--_space-2);
      border-bottom: 1px solid var(--_color-border);
      text-align: start;
      vertical-align: top;
    }
    .grid thead th {
      font-weight: 600;
      color: var(--_color-muted);
    }
    .grid tbody th {
      font-weight: 600;
      width: 7rem;
    }
    .grid thead td {
      width: 7rem;
    }
    .none {
      color: var(--_color-muted);
    }
    .type-label {
      display: none;
    }
    .channel + .channel {
      margin-top: var(--_space-2);
    }
    .channel-name {
      display: block;
      color: var(--_color-muted);
      font-size: 12px;
    }
    .status {
      display: inline-flex;
      gap: var(--_space-1);
      align-items: flex-start;
    }
    .status-text {
      color: var(--_color-text);
    }
    .disclosure {
      display: inline-flex;
      min-height: 0;
      padding: 0;
      border: 0;
      background: none;
      text-align: start;
    }
    .disclosure .status-text {
      text-decoration: underline dotted;
      text-underline-offset: 3px;
    }
    .disclosure[aria-expanded='true'] .status-text {
      text-decoration: none;
    }
    .reasons[hidden] {
      display: none;
    }
    .reasons {
      margin: var(--_space-1) 0 0;
      padding-inline-start: var(--_space-4);
      color: var(--_color-muted);
      font-size: 13px;
      overflow-wrap: anywhere;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
    }
    /* In a narrow panel the buttons go one under the other rather than breaking their labels. */
    .actions > button {
      white-space: nowrap;
    }
    .history-list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .history-list li {
      display: grid;
      grid-template-columns: 11rem 1fr;
      gap: 0 var(--_space-3);
      padding: var(--_space-2) 0;
      border-bottom: 1px solid var(--_color-border);
    }
    .history-list time {
      grid-row: span 3;
      color: var(--_color-muted);
      font-variant-numeric: tabular-nums;
    }
    .history-list .what {
      font-weight: 600;
    }
    .history-list .facts,
    .history-list .note {
      color: var(--_color-muted);
      overflow-wrap: anywhere;
    }
    .history > button {
      margin-top: var(--_space-2);
    }
    .loading {
      display: grid;
      gap: var(--_space-3);
    }
    .loading .message {
      border: 0;
      background: none;
      padding: 0;
      color: var(--_color-muted);
    }
    .skeleton {
      display: grid;
      gap: var(--_space-2);
    }
    .skeleton span {
      height: 28px;
      border-radius: var(--_radius);
      background: var(--_color-subtle);
    }

    /* A side panel: each location becomes a block listing its channels. */
    @container contact-preferences (max-width: 639px) {
      .grid,
      .grid tbody,
      .grid tr,
      .grid th,
      .grid td {
        display: block;
        width: auto;
      }
      .grid thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      .grid tr {
        padding: var(--_space-2) 0;
        border-bottom: 1px solid var(--_color-border);
      }
      .grid th,
      .grid td {
        border: 0;
        padding: var(--_space-1) 0;
      }
      .grid td {
        display: flex;
        gap: var(--_space-2);
        align-items: flex-start;
      }
      .grid td.none {
        display: none;
      }
      .type-label {
        display: inline-block;
        min-width: 5.5rem;
        color: var(--_color-muted);
      }
      .history-list li {
        grid-template-columns: 1fr;
      }
      .history-list time {
        grid-row: auto;
      }
    }
  `,
];
