import { configureLocalization, type LocaleModule } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from './locale-codes.js';

/** A locale this package ships translations for. */
export type OptOutLocale = (typeof allLocales)[number];

export { allLocales, sourceLocale, targetLocales };

interface LocalizationApi {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

const loaders = {
  'fr-CA': () => import('./generated/fr-CA.js'),
} satisfies Record<(typeof targetLocales)[number], () => Promise<LocaleModule>>;

// configureLocalization may run once per page; two bundles (two microfrontends) share it
// through a registry symbol instead of throwing on the second call. The host's own translations
// (see `addTranslations`) live in the same registry, for the same reason.
const KEY = Symbol.for('optout-elements.localization');
const EXTRA = Symbol.for('optout-elements.localization.extra');
type WithLocalization = typeof globalThis & { [KEY]?: LocalizationApi; [EXTRA]?: Map<string, (() => Promise<LocaleModule>)[]> };

function extraLoaders(): Map<string, (() => Promise<LocaleModule>)[]> {
  const global = globalThis as WithLocalization;
  global[EXTRA] ??= new Map();
  return global[EXTRA];
}

function api(): LocalizationApi {
  const global = globalThis as WithLocalization;
  global[KEY] ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: async (locale) => {
      const [own, ...extra] = await Promise.all([loaders[locale as keyof typeof loaders](), ...(extraLoaders().get(locale) ?? []).map((load) => load())]);
      // The package's own translations win over a host's for the same message.
      return { templates: Object.assign({}, ...extra.map((module) => module.templates), own.templates) };
    },
  });
  return global[KEY];
}

/**
 * Adds a host's own `@lit/localize` translations for `locale` (a module with `templates`, as
 * lit-localize's runtime mode generates), for a host page that writes its own strings with
 * `msg()`: the demo's. Call it before the first `setLocale(locale)`.
 */
export function addTranslations(locale: OptOutLocale, load: () => Promise<LocaleModule>): void {
  const list = extraLoaders().get(locale) ?? [];
  list.push(load);
  extraLoaders().set(locale, list);
}

/** Whether `locale` is one this package ships. */
export function isSupportedLocale(locale: string): locale is OptOutLocale {
  return (allLocales as readonly string[]).includes(locale);
}

/** Switches every optout element on the page to `locale` (falls back to English). */
export function setLocale(locale: string): Promise<void> {
  return api().setLocale(isSupportedLocale(locale) ? locale : sourceLocale);
}

/** The active locale. */
export function getLocale(): OptOutLocale {
  const locale = api().getLocale();
  return isSupportedLocale(locale) ? locale : sourceLocale;
}
