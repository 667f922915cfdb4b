import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { elementStyles } from '../shared/element.styles.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { requestStyles } from '../shared/review-decisions.styles.js';

export const styles = [
  tokens,
  elementStyles,
  dialogStyles,
  requestStyles,
  css`
    :host {
      container: optout-review-queue / inline-size;
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
  `,
];
