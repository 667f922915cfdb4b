import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** One item of a menu button's menu. */
export interface MenuItem {
  /** What `onSelect` receives; unique within the menu. */
  value: string;
  /** The item's text: its accessible name, and what type-ahead matches. */
  label: string;
  /**
   * Why the item cannot be used now. An item with a reason stays focusable (so a keyboard or
   * screen reader user finds it and hears why), is `aria-disabled`, and does nothing when chosen.
   */
  disabledReason?: string;
}

export interface MenuButtonOptions {
  /**
   * Called with the chosen item's value after the menu closed and focus went back to the button,
   * so an action that opens a dialog gets focus returned to the button when the dialog closes.
   */
  onSelect: (value: string) => void;
}

/** How long after a key press the next one still extends the type-ahead text (APG: about half a second). */
const TYPE_AHEAD_MS = 500;

let lastId = 0;

/**
 * The WAI-ARIA APG menu-button pattern for a Lit element: the host renders `renderButton()` and
 * `renderMenu(items)` in its template (and adds `menuButtonStyles` to its styles); the controller
 * does the keyboard and focus. Enter, Space, ArrowDown and a click open on the first item, ArrowUp
 * on the last; arrows wrap; Home/End; type-ahead; Escape closes and returns focus to the button;
 * Tab closes and moves on. The menu is a `popover="auto"`: the browser puts it in the top layer and
 * light-dismisses it, and CSS anchor positioning places it under the button.
 *
 * ```ts
 * private readonly menu = new MenuButtonController(this, { onSelect: (value) => this.run(value) });
 * render() { return html`${this.menu.renderButton(msg('Actions'))}${this.menu.renderMenu(this.items)}`; }
 * ```
 */
export class MenuButtonController implements ReactiveController {
  /** Ids of the button and menu, unique on the page so one shadow root may hold several menus. */
  readonly buttonId: string;
  readonly menuId: string;
  private isOpen = false;
  private focusOnOpen: 'first' | 'last' = 'first';
  private typed = '';
  private typedAt = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MenuButtonOptions,
  ) {
    lastId += 1;
    this.buttonId = `optout-menu-button-${lastId}`;
    this.menuId = `optout-menu-${lastId}`;
    host.addController(this);
  }

  /** Whether the menu is shown. */
  get open(): boolean {
    return this.isOpen;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.isOpen = false;
  }

  /** Opens the menu and focuses its first (or last) item. */
  show(focus: 'first' | 'last' = 'first'): void {
    const menu = this.menuElement();
    if (!menu || this.isOpen) return;
    this.focusOnOpen = focus;
    // The source makes the button the popover's implicit anchor, as popovertarget does for clicks.
    (menu.showPopover as (options?: { source?: HTMLElement }) => void).call(menu, { source: this.buttonElement() ?? undefined });
  }

  /** Closes the menu; with `returnFocus`, focus goes back to the button. */
  hide({ returnFocus = false } = {}): void {
    const menu = this.menuElement();
    if (menu?.matches(':popover-open')) menu.hidePopover();
    this.isOpen = false;
    this.host.requestUpdate();
    if (returnFocus) this.focusButton();
  }

  /** Moves focus to the menu button (e.g. after a dialog the menu opened was closed). */
  focusButton(): void {
    this.buttonElement()?.focus();
  }

  /** The menu button. `content` is its visible text, which is also its accessible name. */
  renderButton(content: string | TemplateResult, { part = 'button' } = {}): TemplateResult {
    return html`<button
      type="button"
      id=${this.buttonId}
      part=${part}
      class="menu-button"
      aria-haspopup="menu"
      aria-controls=${this.menuId}
      aria-expanded=${this.isOpen ? 'true' : 'false'}
      popovertarget=${this.menuId}
      @keydown=${this.handleButtonKeydown}
    >
      ${content}<span class="menu-button-caret" aria-hidden="true">▾</span>
    </button>`;
  }

  /** The menu and its items, in order. */
  renderMenu(items: readonly MenuItem[], { part = 'menu' } = {}): TemplateResult {
    return html`<div
      id=${this.menuId}
      part=${part}
      class="menu"
      role="menu"
      popover="auto"
      aria-labelledby=${this.buttonId}
      @toggle=${this.handleToggle}
      @keydown=${this.handleMenuKeydown}
      @click=${this.handleMenuClick}
    >
      ${items.map((item) => this.renderItem(item))}
    </div>`;
  }

  private renderItem(item: MenuItem): TemplateResult {
    const reasonId = `${this.menuId}-${item.value}-reason`;
    return html`<button
      type="button"
      role="menuitem"
      tabindex="-1"
      class="menu-item"
      part="menu-item"
      data-value=${item.value}
      data-label=${item.label}
      aria-disabled=${item.disabledReason ? 'true' : nothing}
      aria-describedby=${item.disabledReason ? reasonId : nothing}
    >
      <span class="menu-item-label">${item.label}</span>
      ${item.disabledReason ? html`<span class="menu-item-reason" id=${reasonId}>${item.disabledReason}</span>` : nothing}
    </button>`;
  }

  private menuElement(): HTMLElement | null {
    return this.host.shadowRoot?.getElementById(this.menuId) ?? null;
  }

  private buttonElement(): HTMLElement | null {
    return this.host.shadowRoot?.getElementById(this.buttonId) ?? null;
  }

  private items(): HTMLElement[] {
    return [...(this.menuElement()?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  private focusItem(index: number): void {
    const items = this.items();
    if (items.length === 0) return;
    items[((index % items.length) + items.length) % items.length]!.focus();
  }

  private currentIndex(): number {
    const active = this.host.shadowRoot?.activeElement;
    return this.items().findIndex((item) => item === active);
  }

  private readonly handleButtonKeydown = (event: KeyboardEvent): void => {
    // Enter and Space are the button's own activation, which toggles the popover (popovertarget).
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.show(event.key === 'ArrowDown' ? 'first' : 'last');
    } else if (event.key === 'Enter' || event.key === ' ') {
      this.focusOnOpen = 'first';
    }
  };

  private readonly handleToggle = (event: ToggleEvent): void => {
    this.isOpen = event.newState === 'open';
    this.host.requestUpdate();
    if (!this.isOpen) return;
    this.typed = '';
    this.focusItem(this.focusOnOpen === 'first' ? 0 : -1);
    this.focusOnOpen = 'first';
  };

  private readonly handleMenuKeydown = (event: KeyboardEvent): void => {
    const index = this.currentIndex();
    switch (event.key) {
      case 'ArrowDown':
        this.focusItem(index + 1);
        break;
      case 'ArrowUp':
        this.focusItem(index < 0 ? -1 : index - 1);
        break;
      case 'Home':
        this.focusItem(0);
        break;
      case 'End':
        this.focusItem(-1);
        break;
      case 'Escape':
        // Handled here rather than by the popover's close watcher, so focus surely goes back.
        this.hide({ returnFocus: true });
        break;
      case 'Tab':
        // Not prevented: focus goes to the button first, so Tab moves on from where the menu was.
        this.hide({ returnFocus: true });
        return;
      default:
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
          this.typeAhead(event.key, index);
          break;
        }
        return;
    }
    event.preventDefault();
  };

  private typeAhead(key: string, index: number): void {
    const now = performance.now();
    this.typed = now - this.typedAt < TYPE_AHEAD_MS ? this.typed + key.toLowerCase() : key.toLowerCase();
    this.typedAt = now;
    const items = this.items();
    // One repeated letter cycles through the items starting with it; more letters refine from here.
    const repeated = [...this.typed].every((letter) => letter === this.typed[0]);
    const text = repeated ? this.typed[0]! : this.typed;
    const start = repeated || index < 0 ? index + 1 : index;
    for (let step = 0; step < items.length; step += 1) {
      const item = items[(start + step) % items.length]!;
      if ((item.dataset['label'] ?? '').toLowerCase().startsWith(text)) {
        item.focus();
        return;
      }
    }
  }

  private readonly handleMenuClick = (event: MouseEvent): void => {
    const item = (event.target as Element).closest<HTMLElement>('[role="menuitem"]');
    if (!item || item.getAttribute('aria-disabled') === 'true') return;
    this.hide({ returnFocus: true });
    this.options.onSelect(item.dataset['value']!);
  };
}

/** Layout of the button and menu; add to the host's `static styles` after the tokens. */
export const menuButtonStyles = css`
  .menu-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1, 4px);
  }
  .menu {
    /* The popover's implicit anchor is its button (popovertarget, or show()'s source). */
    position-area: block-end span-inline-end;
    position-try-fallbacks: flip-inline, flip-block;
    margin: var(--_space-1, 4px) 0;
    padding: var(--_space-1, 4px);
    min-width: 12rem;
    max-width: min(20rem, calc(100vw - 16px));
    border: 1px solid var(--_color-border, #d0d7de);
    border-radius: var(--_radius, 6px);
    background: var(--_color-surface, #fff);
    color: var(--_color-text, #1b1f24);
    font: var(--_font, inherit);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  .menu-item {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    width: 100%;
    min-height: 32px;
    padding: var(--_space-1, 4px) var(--_space-2, 8px);
    border: 0;
    border-radius: calc(var(--_radius, 6px) - 2px);
    background: transparent;
    text-align: start;
  }
  .menu-item:hover,
  .menu-item:focus {
    background: var(--_color-subtle, #f6f8fa);
  }
  .menu-item:focus-visible {
    outline: 2px solid var(--_color-accent, #0b5cad);
    outline-offset: -2px;
  }
  .menu-item[aria-disabled='true'] {
    color: var(--_color-muted, #57606a);
    cursor: default;
  }
  .menu-item-reason {
    font-size: 0.85em;
  }
  @media (forced-colors: active) {
    .menu-item:focus {
      outline: 2px solid Highlight;
    }
  }
`;
