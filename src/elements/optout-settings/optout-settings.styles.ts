import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      container: optout-settings / inline-size;
    }
    :host([hidden]) {
      display: none;
    }
    .base {
      display: grid;
      gap: var(--_space-4);
      background: var(--_color-surface);
      /* Keywords and user ids are data: a long one wraps instead of widening a side panel. */
      overflow-wrap: anywhere;
    }
    .base > * {
      min-width: 0;
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
    h4 {
      margin: 0 0 var(--_space-1);
      font-size: 13px;
      font-weight: 600;
    }
    p {
      margin: 0;
    }
    .hint,
    .muted {
      color: var(--_color-muted);
    }
    .note {
      padding: var(--_space-2) var(--_space-3);
      border-radius: var(--_radius);
      background: var(--_color-subtle);
    }
    fieldset {
      display: grid;
      gap: var(--_space-2);
      margin: 0;
      padding: var(--_space-3);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      min-width: 0;
    }
    legend {
      padding: 0 var(--_space-1);
      font-weight: 600;
    }
    .option {
      display: flex;
      gap: var(--_space-2);
      align-items: flex-start;
      cursor: pointer;
    }
    .option input {
      margin-top: 3px;
      accent-color: var(--_color-accent);
    }
    .option-text {
      display: grid;
    }
    .option-label {
      font-weight: 500;
    }
    .preview-row {
      display: grid;
      gap: var(--_space-4);
      grid-template-columns: 1fr;
    }
    @container optout-settings (min-width: 720px) {
      .preview-row {
        grid-template-columns: 3fr 2fr;
      }
    }
    .preview,
    .impact,
    .guidance,
    .conflict {
      display: grid;
      gap: var(--_space-2);
      align-content: start;
      padding: var(--_space-3);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      min-width: 0;
    }
    .conflict {
      border-color: var(--_color-warning);
      border-left-width: 4px;
    }
    .field {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      align-items: center;
    }
    input[type='text'] {
      flex: 1 1 10em;
      min-width: 0;
    }
    select,
    input[type='text'],
    textarea {
      font: inherit;
      color: var(--_color-text);
      background: var(--_color-surface);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      padding: var(--_space-1) var(--_space-2);
      max-width: 100%;
      box-sizing: border-box;
    }
    textarea {
      width: 100%;
    }
    .affected {
      margin: 0;
      padding-left: var(--_space-6);
    }
    .added {
      color: var(--_color-cannot);
      font-weight: 600;
    }
    .difference {
      font-weight: 500;
    }
    .keywords {
      display: grid;
      gap: var(--_space-3);
    }
    .keyword-set {
      display: grid;
      gap: var(--_space-2);
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-1);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .chip {
      display: inline-flex;
      gap: var(--_space-1);
      align-items: center;
      padding: 2px var(--_space-2);
      border: 1px solid var(--_color-border);
      border-radius: 999px;
      background: var(--_color-subtle);
      overflow-wrap: anywhere;
    }
    .chip .remove {
      min-height: 20px;
      padding: 0 var(--_space-1);
      border: none;
      background: transparent;
    }
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      align-items: center;
    }
    .add p {
      flex-basis: 100%;
    }
    .problem,
    .server-errors {
      color: var(--_color-cannot);
    }
    .server-errors {
      margin: 0;
      padding-left: var(--_space-4);
      overflow-wrap: anywhere;
    }
    .unsaved {
      color: var(--_color-warning);
      font-weight: 500;
    }
    /* Said beside Save too, for those who see it dim once saved, not only to screen readers. */
    .saved {
      display: inline-flex;
      gap: var(--_space-1);
      align-items: center;
      color: var(--_color-can);
    }
    .actions,
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-2);
      align-items: center;
    }
    .message {
      display: grid;
      gap: var(--_space-2);
      justify-items: start;
    }
  `,
];
