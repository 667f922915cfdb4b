import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { elementStyles } from '../shared/element.styles.js';

export const styles = [
  tokens,
  elementStyles,
  css`
    :host {
      container: optout-app / inline-size;
    }
    .base {
      grid-template-columns: var(--optout-app-nav-width, 200px) minmax(0, 1fr);
      align-items: start;
      gap: var(--_space-6);
      padding: var(--_space-4);
    }
    .page {
      display: grid;
      gap: var(--_space-3);
      min-width: 0;
    }
    h1 {
      margin: 0;
      font-size: 20px;
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .back {
      justify-self: start;
      color: var(--_color-accent);
    }
    a {
      color: var(--_color-accent);
    }
    /* A side panel or a phone: the navigation goes above the page. */
    @container optout-app (max-width: 640px) {
      .base {
        grid-template-columns: minmax(0, 1fr);
        gap: var(--_space-3);
        padding: var(--_space-2);
      }
    }
  `,
];
