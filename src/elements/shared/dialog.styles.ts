import { css } from 'lit';

/** The confirmation and form dialogs every element opens (native `<dialog>`, `showModal()`). */
export const dialogStyles = css`
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    padding: var(--_space-4);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  dialog form {
    display: grid;
    gap: var(--_space-3);
  }
  fieldset {
    margin: 0;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    display: grid;
    gap: var(--_space-1);
  }
  legend,
  .field-label {
    font-weight: 600;
  }
  .link-button {
    justify-self: start;
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_color-accent);
    text-decoration: underline;
  }
  .check {
    display: flex;
    gap: var(--_space-2);
    align-items: center;
  }
  textarea {
    font: inherit;
    padding: var(--_space-2);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: inherit;
    resize: vertical;
    margin-top: calc(-1 * var(--_space-2));
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_color-cannot);
  }
  .warning {
    display: flex;
    gap: var(--_space-2);
    align-items: flex-start;
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 3px solid var(--_color-warning);
    background: var(--_color-subtle);
  }
  .warning .icon {
    color: var(--_color-warning);
  }
  .dialog-buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-2);
  }
`;
