import { msg } from '@lit/localize';
import { fill, getByRole, queryByRole, textOf, waitFor } from './queries.js';

/** One pending plain-language request. */
export class PendingRequestHarness {
  constructor(
    /** The element the request is shown in, whose dialog the dismissal opens. */
    private readonly owner: { dialog(name: string): HTMLElement | null },
    readonly item: HTMLElement,
  ) {}

  /** Everything the request says: the message, when, the deadline, what unsubscribing would stop. */
  text(): string {
    return textOf(this.item);
  }

  /** Whether Unsubscribe and Dismiss are offered to this user. */
  canDecide(): boolean {
    return queryByRole(this.item, 'button', { name: msg('Unsubscribe') }) !== null;
  }

  /** Clicks "Unsubscribe" (applies the request). */
  unsubscribe(): void {
    getByRole(this.item, 'button', { name: msg('Unsubscribe') }).click();
  }

  /** Clicks "Dismiss" and resolves with the dialog that asks why. */
  async openDismiss(): Promise<HTMLElement> {
    getByRole(this.item, 'button', { name: msg('Dismiss') }).click();
    return waitFor(() => this.owner.dialog(msg('Dismiss request')), 'the dismiss dialog');
  }

  /** Clicks "Dismiss", writes the reason and confirms. */
  async dismiss(reason: string): Promise<void> {
    const dialog = await this.openDismiss();
    fill(getByRole(dialog, 'textbox', { name: msg('Reason') }), reason);
    getByRole(dialog, 'button', { name: msg('Dismiss request') }).click();
  }
}
