import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { requestStyles } from '../shared/review-decisions.styles.js';

export const styles = [
  tokens,
  dialogStyles,
  requestStyles,
  css`
    :host {
      display: block;
      container: optout-review-queue / inline-size;
    }
    :host([hidden]) {
      display: none;
    }
    .base {
      display: grid;
      gap: var(--_space-3);
      background: var(--_color-surface);
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
    .muted,
    .hint {
      color: var(--_color-muted);
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-1) var(--_space-2);
      flex-basis: 100%;
      align-items: baseline;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .who .muted {
      font-weight: 400;
    }
    .more {
      justify-self: start;
    }
    .message {
      display: grid;
      gap: var(--_space-2);
      justify-items: start;
      padding: var(--_space-3);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-subtle);
    }
    .problem {
      color: var(--_color-cannot);
    }
  `,
];
