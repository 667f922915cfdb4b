import { configureLocalization } from '@lit/localize';
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
} satisfies Record<(typeof targetLocales)[number], () => Promise<unknown>>;

// configureLocalization may run once per page; two bundles (two microfrontends) share it
// through a registry symbol instead of throwing on the second call.
const KEY = Symbol.for('optout-elements.localization');
type WithLocalization = typeof globalThis & { [KEY]?: LocalizationApi };

function api(): LocalizationApi {
  const global = globalThis as WithLocalization;
  global[KEY] ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
  });
  return global[KEY];
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
