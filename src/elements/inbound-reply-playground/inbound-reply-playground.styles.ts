import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    font: var(--optout-font, 400 1rem/1.5 system-ui, sans-serif);
    color: var(--optout-color-text, #1b1f24);
    --_accent: var(--optout-color-accent, #0b5cad);
    --_border: var(--optout-color-border, #8c959f);
    --_muted: var(--optout-color-muted, #57606a);
    --_danger: var(--optout-color-danger, #b42318);
    --_surface: var(--optout-color-surface, #ffffff);
    --_radius: var(--optout-radius, 6px);
  }
  [part='base'] {
    display: grid;
    gap: 1.25rem;
    grid-template-columns: minmax(16rem, 1fr) minmax(16rem, 1fr);
    background: var(--_surface);
  }
  @media (max-width: 48rem) {
    [part='base'] {
      grid-template-columns: 1fr;
    }
  }
  h2,
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
  }
  .intro {
    grid-column: 1 / -1;
  }
  .intro p {
    margin: 0;
    color: var(--_muted);
  }
  form {
    display: grid;
    gap: 1rem;
    align-content: start;
  }
  label,
  legend {
    font-weight: 600;
  }
  select,
  textarea {
    font: inherit;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    width: 100%;
    box-sizing: border-box;
  }
  textarea {
    min-height: 4.5rem;
    resize: vertical;
  }
  .length {
    margin: 0;
    font-size: 0.875rem;
    color: var(--_muted);
    text-align: end;
  }
  .length[data-over] {
    color: var(--_danger);
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
  }
  .choice {
    display: flex;
    gap: 0.5rem;
    align-items: baseline;
    padding: 0.15rem 0;
  }
  .choice label {
    font-weight: 400;
  }
  .hint {
    margin: 0 0 0.25rem 1.5rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .samples {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  button {
    font: inherit;
    font-size: 0.875rem;
    padding: 0.2rem 0.6rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  /* A button with nothing to do yet (or busy) keeps focus, and looks unavailable. */
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  @media (forced-colors: active) {
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
  :is(button, select, textarea, input):focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  [part='result'] {
    border-left: 4px solid var(--_accent);
    padding: 0 0 0 1rem;
    align-self: start;
  }
  [part='result'][data-intent='opt-out'],
  [part='result'][data-intent='opt-out-all'] {
    border-color: var(--_danger);
  }
  dl {
    display: grid;
    /* The value column may shrink, so a long word ("Désabonnement") wraps instead of overflowing. */
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0 0 1rem;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: break-word;
    min-width: 0;
  }
  ul {
    margin: 0.25rem 0 1rem;
    padding-left: 1.25rem;
  }
  .explanation {
    margin: 0;
    padding: 0.75rem;
    background: var(--optout-color-note, #f6f8fa);
    border-radius: var(--_radius);
  }
  .empty {
    color: var(--_muted);
  }
`;
