import { css } from 'lit';

/**
 * What every element's box shares: a block that `hidden` hides, its title and section headings,
 * secondary text, the state message (loading, empty, forbidden, error, no provider) and an error
 * line. Each element names its own container for its own narrow layout.
 */
export const elementStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    display: grid;
    gap: var(--_space-3);
    background: var(--_color-surface);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
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
  /* A message or note quoted from a person: kept as written, and wrapped however long. */
  .quote {
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
`;
