import { getLocale } from '../../localization/localization.js';

const formats = new Map<string, Intl.NumberFormat>();

/** "100,000" (en) / "100 000" (fr-CA). */
export function formatCount(count: number): string {
  const locale = getLocale();
  let format = formats.get(locale);
  if (!format) formats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(count);
}
