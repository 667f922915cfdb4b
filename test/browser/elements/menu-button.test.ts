// The shared APG menu button, driven with the real keyboard and mouse through a tiny element that
// uses it the way contact-actions-menu and bulk-unsubscribe-table do.
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { computeAccessibleDescription } from 'dom-accessibility-api';
import { sendKeys } from '@web/test-runner-commands';
import { MenuButtonController, menuButtonStyles, type MenuItem } from '../../../src/elements/shared/menu-button.js';
import { tokens } from '../../../src/elements/shared/tokens.styles.js';
import { click, getByRole, press, queryAllByRole } from '../helpers/queries.js';
import { until } from '../helpers/until.js';

class MenuButtonFixture extends LitElement {
  static override styles = [tokens, menuButtonStyles];
  readonly chosen: string[] = [];
  readonly menu = new MenuButtonController(this, { onSelect: (value) => this.chosen.push(value) });
  items: MenuItem[] = [
    { value: 'apple', label: 'Apple' },
    { value: 'banana', label: 'Banana' },
    { value: 'blueberry', label: 'Blueberry', disabledReason: 'Out of season' },
    { value: 'cherry', label: 'Cherry' },
  ];
  override render() {
    return html`${this.menu.renderButton('Fruit')}${this.menu.renderMenu(this.items)}`;
  }
}
customElements.define('menu-button-fixture', MenuButtonFixture);

async function render() {
  const el = await fixture<MenuButtonFixture>(testHtml`<div>
    <button>Before</button><menu-button-fixture></menu-button-fixture><button>After</button>
  </div>`);
  const host = el.querySelector('menu-button-fixture') as MenuButtonFixture;
  await host.updateComplete;
  const button = getByRole(host, 'button', { name: 'Fruit' });
  return { host, button, outer: el };
}

const focused = (host: MenuButtonFixture) => host.shadowRoot!.activeElement as HTMLElement | null;
const focusedLabel = (host: MenuButtonFixture) => focused(host)?.dataset['label'];
const menuOpen = (host: MenuButtonFixture) => host.shadowRoot!.querySelector('[role="menu"]')!.matches(':popover-open');

async function openWith(host: MenuButtonFixture, button: HTMLElement, key: string) {
  button.focus();
  await press(key);
  await until(() => menuOpen(host) && focused(host)?.getAttribute('role') === 'menuitem', `the menu open after ${key}`);
}

describe('MenuButtonController', () => {
  it('is a button that says it opens a menu, and the menu is labelled by it', async () => {
    const { host, button } = await render();
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(queryAllByRole(host, 'menuitem')).to.have.length(0);
    await openWith(host, button, 'Enter');
    const menu = getByRole(host, 'menu', { name: 'Fruit' });
    expect(queryAllByRole(menu, 'menuitem').map((item) => item.dataset['label'])).to.deep.equal(['Apple', 'Banana', 'Blueberry', 'Cherry']);
    await until(() => button.getAttribute('aria-expanded') === 'true', 'aria-expanded true');
  });

  for (const key of ['Enter', ' ', 'ArrowDown']) {
    it(`${key === ' ' ? 'Space' : key} opens on the first item`, async () => {
      const { host, button } = await render();
      await openWith(host, button, key);
      expect(focusedLabel(host)).to.equal('Apple');
    });
  }

  it('ArrowUp opens on the last item', async () => {
    const { host, button } = await render();
    await openWith(host, button, 'ArrowUp');
    expect(focusedLabel(host)).to.equal('Cherry');
  });

  it('a click opens on the first item, and a second click closes', async () => {
    const { host, button } = await render();
    await click(button);
    await until(() => focusedLabel(host) === 'Apple', 'Apple focused after a click');
    await click(button);
    await until(() => !menuOpen(host), 'the menu closed by a second click');
  });

  it('arrows move and wrap, Home and End go to the ends, and disabled items are on the way', async () => {
    const { host, button } = await render();
    await openWith(host, button, 'ArrowDown');
    const seen: (string | undefined)[] = [];
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp', 'End', 'Home']) {
      await press(key);
      seen.push(focusedLabel(host));
    }
    expect(seen).to.deep.equal(['Banana', 'Blueberry', 'Cherry', 'Apple', 'Cherry', 'Cherry', 'Apple']);
  });

  it('type-ahead: one letter moves to the next item starting with it, repeated it cycles', async () => {
    const { host, button } = await render();
    await openWith(host, button, 'ArrowDown');
    const seen: (string | undefined)[] = [];
    for (const key of ['b', 'b', 'b']) {
      await press(key);
      seen.push(focusedLabel(host));
    }
    expect(seen).to.deep.equal(['Banana', 'Blueberry', 'Banana']);
  });

  it('type-ahead: letters typed together match the item they begin', async () => {
    const { host, button } = await render();
    await openWith(host, button, 'ArrowDown');
    await sendKeys({ type: 'bl' });
    expect(focusedLabel(host)).to.equal('Blueberry');
  });

  it('a disabled item stays focusable, says why, and does nothing when chosen', async () => {
    const { host, button } = await render();
    await openWith(host, button, 'ArrowDown');
    await press('ArrowDown');
    await press('ArrowDown');
    const item = focused(host)!;
    expect(item.getAttribute('aria-disabled')).to.equal('true');
    expect(computeAccessibleDescription(item)).to.equal('Out of season');
    await press('Enter');
    expect(host.chosen).to.deep.equal([]);
    expect(menuOpen(host)).to.equal(true);
  });

  it('Enter on an item chooses it, closes the menu and returns focus to the button', async () => {
    const { host, button } = await render();
    await openWith(host, button, 'ArrowDown');
    await press('ArrowDown');
    await press('Enter');
    expect(host.chosen).to.deep.equal(['banana']);
    await until(() => !menuOpen(host), 'the menu closed');
    expect(focused(host)).to.equal(button);
  });

  it('a click on an item chooses it', async () => {
    const { host, button } = await render();
    await click(button);
    await until(() => menuOpen(host), 'the menu open');
    await click(getByRole(host, 'menuitem', { name: 'Cherry' }));
    expect(host.chosen).to.deep.equal(['cherry']);
  });

  it('Escape closes and returns focus to the button', async () => {
    const { host, button } = await render();
    await openWith(host, button, 'ArrowUp');
    await press('Escape');
    await until(() => !menuOpen(host), 'the menu closed');
    expect(focused(host)).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(host.chosen).to.deep.equal([]);
  });

  it('Tab closes the menu and moves focus on past the button', async () => {
    const { host, button, outer } = await render();
    await openWith(host, button, 'ArrowDown');
    await press('Tab');
    await until(() => !menuOpen(host), 'the menu closed');
    await until(() => document.activeElement === getByRole(outer, 'button', { name: 'After' }), 'focus on the next control');
  });

  it('a click outside light-dismisses the menu', async () => {
    const { host, button, outer } = await render();
    await openWith(host, button, 'ArrowDown');
    await click(getByRole(outer, 'button', { name: 'Before' }));
    await until(() => !menuOpen(host), 'the menu closed');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('sits under its button, in the top layer', async () => {
    const { host, button } = await render();
    await openWith(host, button, 'ArrowDown');
    const menu = getByRole(host, 'menu');
    const below = menu.getBoundingClientRect().top >= button.getBoundingClientRect().bottom - 1;
    const above = menu.getBoundingClientRect().bottom <= button.getBoundingClientRect().top + 1;
    expect(below || above, 'menu beside the button, not centred on the page').to.equal(true);
  });
});
