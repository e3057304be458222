import { canonicalLanguageTag } from '../render/language-tags.ts';

/**
 * The languages the editor offers, each named in English and in its own script, so a writer finds
 * theirs either way. Any other BCP 47 tag is accepted too (imports, a future API); the editor then
 * shows it as one more choice. Chinese is offered by script, which is what fonts and readers follow.
 */
const articleLanguages: readonly { readonly tag: string; readonly name: string; readonly ownName: string }[] = [
  { tag: 'en', name: 'English', ownName: 'English' },
  { tag: 'ar', name: 'Arabic', ownName: 'العربية' },
  { tag: 'zh-Hans', name: 'Chinese, simplified', ownName: '简体中文' },
  { tag: 'zh-Hant', name: 'Chinese, traditional', ownName: '繁體中文' },
  { tag: 'nl', name: 'Dutch', ownName: 'Nederlands' },
  { tag: 'fr', name: 'French', ownName: 'Français' },
  { tag: 'de', name: 'German', ownName: 'Deutsch' },
  { tag: 'el', name: 'Greek', ownName: 'Ελληνικά' },
  { tag: 'he', name: 'Hebrew', ownName: 'עברית' },
  { tag: 'hi', name: 'Hindi', ownName: 'हिन्दी' },
  { tag: 'id', name: 'Indonesian', ownName: 'Bahasa Indonesia' },
  { tag: 'it', name: 'Italian', ownName: 'Italiano' },
  { tag: 'ja', name: 'Japanese', ownName: '日本語' },
  { tag: 'ko', name: 'Korean', ownName: '한국어' },
  { tag: 'fa', name: 'Persian', ownName: 'فارسی' },
  { tag: 'pl', name: 'Polish', ownName: 'Polski' },
  { tag: 'pt', name: 'Portuguese', ownName: 'Português' },
  { tag: 'ru', name: 'Russian', ownName: 'Русский' },
  { tag: 'es', name: 'Spanish', ownName: 'Español' },
  { tag: 'sw', name: 'Swahili', ownName: 'Kiswahili' },
  { tag: 'tr', name: 'Turkish', ownName: 'Türkçe' },
  { tag: 'uk', name: 'Ukrainian', ownName: 'Українська' },
  { tag: 'ur', name: 'Urdu', ownName: 'اردو' },
  { tag: 'vi', name: 'Vietnamese', ownName: 'Tiếng Việt' },
];

const englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** Language names in one language, made once each: the newsroom asks for the same few again and again. */
const displayNames = new Map<string, Intl.DisplayNames>();

function namesIn(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'language' });
    displayNames.set(locale, names);
  }
  return names;
}

/**
 * A language's name, e.g. "British English" for en-GB: in English from the list, or in `displayIn`'s
 * language from Intl ("영국 영어"); the tag itself when it has none (or is no tag).
 */
function languageName(tag: string, displayIn = 'en'): string {
  const canonical = canonicalLanguageTag(tag);
  if (!canonical) return tag;
  const listed = articleLanguages.find((language) => language.tag === canonical);
  if (listed && displayIn === 'en') return listed.name;
  return (displayIn === 'en' ? englishNames : namesIn(displayIn)).of(canonical) ?? listed?.name ?? canonical;
}

/**
 * The editor's language choices: the site's language first (stored as none), then the list, and the
 * article's own `current` tag when the list lacks it, so saving the form never changes a language
 * the writer did not touch. Labels read "Korean (한국어)"; a tag off the list reads "Brazilian Portuguese (pt-BR)".
 */
export function languageChoices(
  siteLanguage: string,
  current: string,
  words: { readonly displayIn: string; readonly siteLanguage: (name: string) => string } = {
    displayIn: 'en',
    siteLanguage: (name) => `Site language (${name})`,
  },
): { value: string; label: string }[] {
  const nameOf = (tag: string) => languageName(tag, words.displayIn);
  const choices = [
    { value: '', label: words.siteLanguage(nameOf(siteLanguage)) },
    ...articleLanguages.map(({ tag, ownName }) => ({ value: tag, label: nameOf(tag) === ownName ? ownName : `${nameOf(tag)} (${ownName})` })),
  ];
  if (current === '' || choices.some((choice) => choice.value === current)) return choices;
  return [...choices, { value: current, label: nameOf(current) === current ? current : `${nameOf(current)} (${current})` }];
}
