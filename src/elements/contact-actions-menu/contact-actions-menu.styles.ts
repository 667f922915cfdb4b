import { css } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { menuButtonStyles } from '../shared/menu-button.js';
import { dialogStyles } from '../shared/dialog.styles.js';

export const styles = [
  tokens,
  menuButtonStyles,
  dialogStyles,
  css`
    :host {
      display: inline-block;
      max-width: 100%;
    }
    :host([hidden]) {
      display: none;
    }
    p {
      margin: 0;
    }
    h3 {
      margin: 0;
      font-size: 16px;
      font-weight: 600;
    }
    h4 {
      margin: 0 0 var(--_space-1);
      font-size: 14px;
      font-weight: 600;
    }
    .message {
      color: var(--_color-cannot);
      overflow-wrap: anywhere;
    }
    .muted,
    .hint {
      color: var(--_color-muted);
    }
    .problem {
      color: var(--_color-cannot);
    }
    dialog {
      --_dialog-width: 34rem;
    }
    .channel-choice {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: var(--_space-2);
    }
    textarea,
    input[type='text'] {
      font: inherit;
      padding: var(--_space-2);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface);
      color: inherit;
      min-width: 0;
    }
    textarea {
      resize: vertical;
    }
    [aria-invalid='true'] {
      border-color: var(--_color-cannot);
    }
    .preview {
      display: grid;
      gap: var(--_space-1);
      padding: var(--_space-2) var(--_space-3);
      background: var(--_color-subtle);
      border-radius: var(--_radius);
    }
    .pairs,
    .steps,
    .reasons {
      margin: 0;
      padding-inline-start: var(--_space-4);
    }
    .steps > li[data-can='yes'] .icon {
      color: var(--_color-can);
    }
    .steps > li[data-can='no'] .icon {
      color: var(--_color-cannot);
    }
    .combobox {
      position: relative;
      display: grid;
    }
    [role='listbox'] {
      margin: 0;
      padding: var(--_space-1);
      list-style: none;
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      background: var(--_color-surface);
      max-height: 14rem;
      overflow: auto;
    }
    [role='listbox'][hidden] {
      display: none;
    }
    [role='option'] {
      padding: var(--_space-1) var(--_space-2);
      border-radius: calc(var(--_radius) - 2px);
      cursor: pointer;
    }
    [role='option'][aria-selected='true'] {
      background: var(--_color-subtle);
      outline: 2px solid var(--_color-accent);
      outline-offset: -2px;
    }
  `,
];
