import { css } from 'lit';

/**
 * The few private design tokens every element uses, each mapped to a public `--optout-*` custom
 * property, so a host re-themes every element at once.
 */
export const tokens = css`
  :host {
    --_font: var(--optout-font, 400 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_space-1: 4px;
    --_space-2: 8px;
    --_space-3: 12px;
    --_space-4: 16px;
    --_space-6: 24px;
    --_radius: var(--optout-radius, 6px);
    --_color-text: var(--optout-color-text, #1b1f24);
    --_color-muted: var(--optout-color-muted, #57606a);
    --_color-border: var(--optout-color-border, #d0d7de);
    --_color-surface: var(--optout-color-surface, #ffffff);
    --_color-subtle: var(--optout-color-subtle, #f6f8fa);
    --_color-accent: var(--optout-color-accent, #0b5cad);
    --_color-can: var(--optout-color-can-message, #1a7f37);
    --_color-cannot: var(--optout-color-cannot-message, #b42318);
    --_color-warning: var(--optout-color-warning, #8a5a00);
    font: var(--_font);
    color: var(--_color-text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_color-text: var(--optout-color-text, #e6edf3);
      --_color-muted: var(--optout-color-muted, #9da7b3);
      --_color-border: var(--optout-color-border, #3d444d);
      --_color-surface: var(--optout-color-surface, #0d1117);
      --_color-subtle: var(--optout-color-subtle, #161b22);
      --_color-accent: var(--optout-color-accent, #4493f8);
      --_color-can: var(--optout-color-can-message, #3fb950);
      --_color-cannot: var(--optout-color-cannot-message, #f47067);
      --_color-warning: var(--optout-color-warning, #d29922);
    }
  }
  :focus-visible {
    outline: 2px solid var(--_color-accent);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  .icon {
    flex: none;
    vertical-align: -3px;
  }
  button {
    font: inherit;
    min-height: 28px;
    padding: 0 var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_color-surface);
    color: var(--_color-text);
    cursor: pointer;
  }
  button.primary {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: #fff;
  }
  button.danger {
    background: var(--_color-cannot);
    border-color: var(--_color-cannot);
    color: #fff;
  }
  /* aria-disabled: a button busy with what it started keeps focus, and looks just as unavailable. */
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: default;
  }
  a {
    color: var(--_color-accent);
  }
  /* Each element's base carries its strings' language; French quotes take no-break spaces inside. */
  q:lang(fr) {
    quotes: '«\\00a0' '\\00a0»' '“' '”';
  }
  @media (forced-colors: active) {
    button.primary,
    button.danger {
      border: 1px solid ButtonText;
    }
    /* High contrast shows :disabled in GrayText by itself, not aria-disabled. */
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
