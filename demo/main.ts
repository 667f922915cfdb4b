import '../src/define.js';
import { setLocale } from '../src/localization/localization.js';
import { startBrowserMock } from '../mocks/browser.js';
import { sampleChannels, sampleLocations } from '../mocks/fixtures/sample-organization.js';

const root = document.querySelector<HTMLElement>('#demo-root');
const picker = document.querySelector<HTMLSelectElement>('#locale-picker');
const params = new URLSearchParams(location.search);

async function main() {
  if (!root) return;
  // The demo talks to the persistent mock backend; it must be up before the first request.
  const { backend } = await startBrowserMock();
  const status = document.querySelector<HTMLElement>('#backend-status');
  if (status) {
    const { db } = backend.store;
    const user = db.users.find((u) => u.id === db.currentUserId);
    const who = user ? `signed in as ${user.name} (${user.role})` : 'signed out: every API call answers 401';
    status.textContent = `Mock backend: ${backend.store.contactCount().toLocaleString('en-US')} contacts · ${who}`;
  }
  const locale = params.get('locale') ?? 'en';
  await setLocale(locale);
  if (picker) {
    picker.value = locale;
    picker.addEventListener('change', () => {
      void setLocale(picker.value);
      document.documentElement.lang = picker.value;
    });
  }
  const playground = document.createElement('inbound-reply-playground');
  playground.channels = sampleChannels;
  playground.locations = sampleLocations;
  root.replaceChildren(playground);
}

main().catch((error: unknown) => {
  if (root) root.textContent = `The demo failed to start: ${String(error)}`;
  console.error(error);
});
