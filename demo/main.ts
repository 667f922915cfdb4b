// `npm start`: a small CRM (the host) that mounts the opt-out microfrontend at /crm against the
// mock backend in this browser, with the QA controls above it. Routes:
//   /                   → /crm/contacts
//   /crm/...            → the app (it owns everything under /crm and reads the URL itself)
//   /playground         → QA: the inbound-reply playground beside contact-preferences
//   /playground/try-it  → QA: Opt-out preferences, the reply simulator and a contact in one provider
import '../src/define.js';
import { mount, unmount, update, type OptOutAppProps } from '../src/app/index.js';
import { defineInboundReplySimulator } from '../src/elements/inbound-reply-simulator/inbound-reply-simulator.js';
import type { OptOutApp } from '../src/elements/optout-app/optout-app.js';
import { msg } from '@lit/localize';
import { addTranslations, setLocale } from '../src/localization/localization.js';
import { DemoCrmShell, type LocaleChangeEvent } from './crm-shell.js';
import { MockSession } from './mock-session.js';
import { DemoQaPanel } from './qa-panel.js';
import { showPlayground, showTryIt } from './workbench.js';

// The demo is a host page with strings of its own (the shell, the QA controls): its French joins
// the package's, which ships only the elements' own strings.
addTranslations('fr-CA', () => import('./generated/fr-CA.js'));

const BASE_PATH = '/crm';
const HOME = `${BASE_PATH}/contacts`;

type View = 'app' | 'playground' | 'try-it';

function viewOf(path: string): View | undefined {
  if (path === BASE_PATH || path.startsWith(`${BASE_PATH}/`)) return 'app';
  if (path === '/playground' || path === '/playground/') return 'playground';
  if (path === '/playground/try-it') return 'try-it';
  return undefined;
}

class DemoPage {
  private view: View | undefined;
  private readonly appProps: OptOutAppProps;

  constructor(
    private readonly session: MockSession,
    private readonly shell: DemoCrmShell,
    private readonly panel: DemoQaPanel,
    private readonly content: HTMLElement,
    locale: string,
  ) {
    const domElement = document.createElement('div');
    domElement.className = 'demo-app';
    this.appProps = { domElement, basePath: BASE_PATH, apiBase: '/api', locale };
    shell.organizationName = session.organizationName;
    this.showUser();
    session.addEventListener('change', () => this.showUser());
    // The app keeps its contacts cached; a reply QA sent changed one of them behind its back.
    session.addEventListener('inbound-reply', () => this.appProps.domElement.querySelector<OptOutApp>('optout-app')?.revalidate());
    addEventListener('popstate', () => void this.route());
    // The app says where its own links went and what the page is called; the host owns the
    // sidebar's current page and the document's title.
    this.appProps.domElement.addEventListener('optout-app-navigate', (event) => {
      const { path, title } = event as Event & { path: string; title: string };
      shell.path = path;
      this.title(title);
    });
    shell.addEventListener('demo-locale-change', (event) => void this.setLocale((event as LocaleChangeEvent).locale));
  }

  private title(page: string) {
    document.title = `${page} · ${msg('Demo CRM')}`;
  }

  /** Called after every answer of the mock: the header changes only when the user does. */
  private showUser() {
    const user = this.session.user;
    const shown = this.shell.user;
    if (user?.name === shown?.name && user?.role === shown?.role) return;
    this.shell.user = user ? { name: user.name, role: user.role } : null;
  }

  async setLocale(locale: string) {
    this.session.locale = locale;
    await setLocale(locale);
    document.documentElement.lang = locale;
    this.shell.locale = locale;
    this.panel.locale = locale;
    this.appProps.locale = locale;
    if (this.view === 'app') await update(this.appProps);
    // The QA pages are plain DOM: built again in the new language.
    else if (this.view) await this.show(this.view);
  }

  async route() {
    if (location.pathname === '/' || viewOf(location.pathname) === undefined) history.replaceState(null, '', HOME + location.search);
    this.shell.path = location.pathname;
    const view = viewOf(location.pathname)!;
    // Within the app, the app follows the URL itself.
    if (view !== this.view) await this.show(view);
  }

  private async show(view: View) {
    if (this.view === 'app' && view !== 'app') await unmount(this.appProps);
    this.view = view;
    const params = new URLSearchParams(location.search);
    if (view === 'app') {
      this.content.replaceChildren(this.appProps.domElement);
      await mount(this.appProps);
    } else if (view === 'playground') {
      showPlayground(this.content, this.session, params);
      this.title(msg('QA: inbound reply playground'));
    } else {
      showTryIt(this.content, this.session, params);
      this.title(msg('QA: settings with the reply simulator'));
    }
  }
}

async function main() {
  const content = document.querySelector<HTMLElement>('#demo-content');
  const shell = document.querySelector('demo-crm-shell');
  const panel = document.querySelector('demo-qa-panel');
  if (!content || !shell || !panel) throw new Error('index.html lacks #demo-content, <demo-crm-shell> or <demo-qa-panel>.');
  customElements.define('demo-crm-shell', DemoCrmShell);
  customElements.define('demo-qa-panel', DemoQaPanel);
  defineInboundReplySimulator();
  if (location.pathname === '/') history.replaceState(null, '', HOME + location.search);
  // The mock must answer before the first request the app makes.
  const session = await MockSession.start();
  const upgradedShell = shell as DemoCrmShell;
  const upgradedPanel = panel as DemoQaPanel;
  upgradedPanel.session = session;
  const page = new DemoPage(session, upgradedShell, upgradedPanel, content, session.locale);
  await page.setLocale(session.locale);
  await page.route();
}

main().catch((error: unknown) => {
  const content = document.querySelector<HTMLElement>('#demo-content');
  if (content) content.textContent = `The demo failed to start: ${String(error)}`;
  console.error(error);
});
