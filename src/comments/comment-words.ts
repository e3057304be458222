import { type Translator, translatorFor } from '../i18n/index.ts';
import type { SettingsStore } from '../settings/index.ts';

/**
 * What a commenter is told things in: the words of the comment section, so its article's language
 * when Gazette speaks it, else the site's (`translatorFor`), with dates in the newsroom's time zone.
 */
export function commentWords(settings: Pick<SettingsStore, 'current'>, articleLanguage: string | null): Translator {
  return translatorFor(articleLanguage, settings.current());
}
