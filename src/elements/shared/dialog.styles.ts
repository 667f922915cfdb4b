import { css } from 'lit';

/**
 * The confirmation and form dialogs every element opens (native `<dialog>`, `showModal()`). An
 * element with wider dialogs sets `--_dialog-width` on them (default 32rem). A dialog taller than
 * the viewport scrolls, and a long name or note wraps instead of widening it.
 */
export const dialogStyles = css`
  dialog {
    width: min(var(--_dialog-width, 32rem), calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    box-sizing: border-box;
    overflow-wrap: anywhere;
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
    min-width: 0;
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
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space-2);
  }
`;
