import { css } from 'lit';

/**
 * Pending opt-out requests as `ReviewDecisionsController.renderRequest` renders them, in any list
 * (`<ul class="request-list">`). In a narrow container the buttons wrap under the text.
 */
export const requestStyles = css`
  .request-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .request {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-3);
    align-items: center;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_color-border);
    border-inline-start: 3px solid var(--_color-warning);
    border-radius: var(--_radius);
  }
  .request + .request {
    margin-top: var(--_space-2);
  }
  .request .quote {
    flex-basis: 100%;
    font-weight: 600;
  }
  .deadline {
    display: inline-flex;
    gap: var(--_space-1);
    align-items: center;
    color: var(--_color-warning);
    font-weight: 600;
  }
  .request-actions {
    display: inline-flex;
    gap: var(--_space-2);
    margin-inline-start: auto;
  }
  @container (max-width: 639px) {
    .request-actions {
      margin-inline-start: 0;
    }
  }
`;
