// Test-only elements that show a contact's name, to prove the hostile-data suite passes a safe
// element and catches each kind of unsafe one. None is part of the package.
import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { Task } from '@lit/task';
import { HttpOptOutClient } from '../../../src/client/index.js';
import { HOSTILE_TRAP } from '../../fixtures/hostile-strings.js';

const client = new HttpOptOutClient({ baseUrl: '/api', retry: { attempts: 0 } });

/** Fetches the contact named by `contact-id` and renders its name as the subclass says. */
abstract class ContactNameFixture extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    p {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `;

  /** The contact to show. */
  @property({ attribute: 'contact-id' }) contactId = '';

  private contact = new Task(this, {
    task: ([id], { signal }) => client.getContact(id ?? '', { signal }),
    args: () => [this.contactId],
  });

  protected abstract renderName(name: string): unknown;

  protected override render() {
    return this.contact.render({
      pending: () => nothing,
      complete: (detail) => html`<p>${this.renderName(detail.contact.name)}</p>`,
      error: (error) => html`<p role="alert">${String(error)}</p>`,
    });
  }
}

/** Safe: the name is text, and long names wrap inside the panel. */
export class SafeNameFixture extends ContactNameFixture {
  protected renderName(name: string) {
    return name;
  }
}

/** Unsafe: the name is parsed as markup. */
export class UnsafeHtmlNameFixture extends ContactNameFixture {
  protected renderName(name: string) {
    return unsafeHTML(name);
  }
}

/** Unsafe: the name becomes a link's URL. */
export class LinkedNameFixture extends ContactNameFixture {
  protected renderName(name: string) {
    return html`<a href=${name}>${name}</a>`;
  }
}

/** Unsafe: the element's own code runs what the data names, as one that evaluates data would. */
export class EvaluatingNameFixture extends ContactNameFixture {
  protected renderName(name: string) {
    const call = new RegExp(`${HOSTILE_TRAP}\\((\\d+)\\)`).exec(name);
    if (call) (globalThis as unknown as Record<string, (id: number) => void>)[HOSTILE_TRAP]?.(Number(call[1]));
    return name;
  }
}

/** Unbounded: the name never wraps, so a long one is wider than the panel. */
export class NowrapNameFixture extends ContactNameFixture {
  static override styles = css`
    p {
      white-space: nowrap;
    }
  `;

  protected renderName(name: string) {
    return name;
  }
}

/** Not as typed: the name is cut to 40 characters. */
export class TruncatingNameFixture extends ContactNameFixture {
  protected renderName(name: string) {
    return name.slice(0, 40);
  }
}

const fixtures = {
  'fixture-safe-name': SafeNameFixture,
  'fixture-unsafe-html-name': UnsafeHtmlNameFixture,
  'fixture-linked-name': LinkedNameFixture,
  'fixture-evaluating-name': EvaluatingNameFixture,
  'fixture-nowrap-name': NowrapNameFixture,
  'fixture-truncating-name': TruncatingNameFixture,
};
for (const [tag, ctor] of Object.entries(fixtures)) if (!customElements.get(tag)) customElements.define(tag, ctor);
