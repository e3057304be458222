import { IntlMessageFormat } from 'intl-messageformat';
import { ar } from './catalog-ar.ts';
import { type Catalog, en, type MessageKey } from './catalog-en.ts';
import { es } from './catalog-es.ts';
import { fr } from './catalog-fr.ts';
import { ko } from './catalog-ko.ts';
import { newsroomCatalogs, type NewsroomKey } from './newsroom/index.ts';

/** The languages Gazette's reader site speaks; any other falls back to English. */
export type CatalogLanguage = 'en' | 'ko' | 'ar' | 'es' | 'fr';

const catalogs: Readonly<Record<CatalogLanguage, Catalog>> = { en, ko, ar, es, fr };

/** Korean newsrooms give times on the 24-hour clock ("18:40"); CLDR's Korean short form reads "PM 06:40". */
const hourCycles: Partial<Record<CatalogLanguage, 'h23'>> = { ko: 'h23' };

/** Gazette's English has always listed names without a serial comma ("A, B and C"), whatever the English. */
const listLocales: Partial<Record<CatalogLanguage, string>> = { en: 'en-GB' };

export type MessageValues = Readonly<Record<string, string | number>>;

/** Values for a message with markup: plain values, whole pieces of markup, and a function per tag (`<hidden>…</hidden>`). */
export type RichValues<T> = Readonly<Record<string, string | number | T | ((chunks: (string | T)[]) => T)>>;

/**
 * The words of the reader site in one language, with the dates and numbers that go with them. It is
 * also a `DateStyle` (render/dates.ts): `formatDateTime(date, words)` writes the date in its locale and
 * the newsroom's time zone.
 *
 * @example translator('ko-KR', 'Asia/Seoul').text('comments.heading', { count: 3 }) === '댓글 3개'
 */
export interface Translator<Key extends string = MessageKey> {
  /** The BCP 47 tag asked for (canonical), which dates and numbers follow: "en-GB" gives "27 November 2026". */
  readonly locale: string;
  /** IANA time zone in which dates are shown. */
  readonly timeZone: string;
  /** Set where the language's newsrooms write times otherwise than CLDR's default. */
  readonly hourCycle?: 'h23';
  /** The language the words are in, for `lang`: the tag asked for when Gazette speaks it, else the catalog's ("en"). */
  readonly language: string;
  /** Which catalog the words come from. */
  readonly catalog: CatalogLanguage;
  text(key: Key, values?: MessageValues): string;
  /** A message with markup in it, as text and the pieces `values` gave, in order; e.g. a byline whose names are links. */
  rich<T>(key: Key, values: RichValues<T>): (string | T)[];
  /** Names joined as the language lists them: "A, B and C", "A, B 및 C", "A وB وC". */
  list(items: readonly string[]): string;
  /** The same, keeping each item as given (a link, say) between the language's separators. */
  listOf<T>(items: readonly T[], textOf: (item: T) => string): (string | T)[];
}

/** The canonical form of a BCP 47 tag, or undefined when `tag` is none. */
function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

function isCatalogLanguage(language: string): language is CatalogLanguage {
  return Object.hasOwn(catalogs, language);
}

/** The catalog that speaks `tag` ("ko-KR" → ko, "ar-EG" → ar), or undefined when none does ("pt", "he"). */
export function catalogFor(tag: string): CatalogLanguage | undefined {
  const canonical = canonicalTag(tag);
  if (!canonical) return undefined;
  const { language } = new Intl.Locale(canonical);
  return isCatalogLanguage(language) ? language : undefined;
}

/** The catalogs a translator reads: English always, other languages where they are written. */
type Catalogs<Key extends string> = { readonly en: Readonly<Record<Key, string>> } & Partial<Record<CatalogLanguage, Readonly<Record<Key, string>>>>;

class CatalogTranslator<Key extends string> implements Translator<Key> {
  readonly locale: string;
  readonly timeZone: string;
  readonly hourCycle?: 'h23';
  readonly language: string;
  readonly catalog: CatalogLanguage;
  readonly #messages: Readonly<Record<Key, string>>;
  /** Plural rules and numbers inside messages: the asked tag's when its catalog matched, else the catalog's own (pt's plurals in English words would be wrong). */
  readonly #messageLocale: string;
  readonly #compiled = new Map<Key, IntlMessageFormat>();
  readonly #lists: Intl.ListFormat;

  constructor(asked: string, timeZone: string, messages: Catalogs<Key>) {
    const canonical = canonicalTag(asked) ?? 'en';
    const spoken = catalogFor(canonical);
    const matched = spoken && messages[spoken] ? spoken : undefined;
    this.catalog = matched ?? 'en';
    this.locale = canonical;
    this.timeZone = timeZone;
    const hourCycle = hourCycles[this.catalog];
    // A tag that names its own hour cycle ("ko-u-hc-h12") keeps it.
    if (hourCycle && !/-u-(?:.+-)?hc-/.test(canonical)) this.hourCycle = hourCycle;
    this.language = matched ? canonical : this.catalog;
    this.#messages = messages[this.catalog] ?? messages.en;
    this.#messageLocale = matched ? canonical : this.catalog;
    this.#lists = new Intl.ListFormat(listLocales[this.catalog] ?? this.#messageLocale, { type: 'conjunction' });
  }

  #formatter(key: Key): IntlMessageFormat {
    let formatter = this.#compiled.get(key);
    if (!formatter) {
      formatter = new IntlMessageFormat(this.#messages[key], this.#messageLocale);
      this.#compiled.set(key, formatter);
    }
    return formatter;
  }

  text(key: Key, values?: MessageValues): string {
    const formatted = this.#formatter(key).format(values);
    return Array.isArray(formatted) ? formatted.join('') : String(formatted);
  }

  rich<T>(key: Key, values: RichValues<T>): (string | T)[] {
    const formatted = this.#formatter(key).format<T>(values);
    return Array.isArray(formatted) ? formatted : [formatted];
  }

  list(items: readonly string[]): string {
    return this.#lists.format(items);
  }

  listOf<T>(items: readonly T[], textOf: (item: T) => string): (string | T)[] {
    let next = 0;
    return this.#lists.formatToParts(items.map(textOf)).map((part) => (part.type === 'element' ? items[next++]! : part.value));
  }
}

/** Translators by tag and time zone: few (the site's language, its articles' languages), each compiling a message once. */
const translators = new Map<string, Translator>();
const newsroomTranslators = new Map<string, Translator<NewsroomKey>>();
/** Tags come from settings and articles, never from requests; the bound only keeps a mistake from growing without end. */
const mostTranslators = 200;

/**
 * The reader site's words for a BCP 47 tag: the catalog of its language ("ko-KR" → Korean, "ar-EG" →
 * Arabic), English for a language Gazette does not speak yet ("pt") or a tag that is none. Dates and
 * numbers follow the tag itself, so a Portuguese site keeps Portuguese dates around English words.
 */
export function translator(locale: string, timeZone = 'UTC'): Translator {
  const cacheKey = `${locale}|${timeZone}`;
  let found = translators.get(cacheKey);
  if (!found) {
    if (translators.size >= mostTranslators) translators.clear();
    found = new CatalogTranslator(locale, timeZone, catalogs);
    translators.set(cacheKey, found);
  }
  return found;
}

/**
 * The newsroom's words for a BCP 47 tag: its own catalogs (src/i18n/newsroom/), in English and the
 * languages written so far; any other language gets English words with its own dates and numbers.
 * @example newsroomTranslator('ko', 'Asia/Seoul').text('nav.articles') === '기사'
 */
export function newsroomTranslator(locale: string, timeZone = 'UTC'): Translator<NewsroomKey> {
  const cacheKey = `${locale}|${timeZone}`;
  let found = newsroomTranslators.get(cacheKey);
  if (!found) {
    if (newsroomTranslators.size >= mostTranslators) newsroomTranslators.clear();
    found = new CatalogTranslator(locale, timeZone, newsroomCatalogs);
    newsroomTranslators.set(cacheKey, found);
  }
  return found;
}

/**
 * Whether `say` puts a message in words in every language the newsroom's catalogs are written in: for
 * phrases read back from stored data, whose values may not be what the message needs (it would throw
 * where a screen shows it).
 */
export function speaksInEveryNewsroomLanguage(say: (words: Translator<NewsroomKey>) => unknown): boolean {
  try {
    for (const language of Object.keys(newsroomCatalogs)) say(newsroomTranslator(language));
    return true;
  } catch {
    return false;
  }
}

/** Whether `key` names a message of the newsroom's catalogs: for keys read back from stored data. */
export function isNewsroomKey(key: unknown): key is NewsroomKey {
  return typeof key === 'string' && Object.hasOwn(newsroomCatalogs.en, key);
}

/**
 * The newsroom's messages whose keys start with `prefix`, unformatted (ICU source), from the catalog
 * `newsroomTranslator(locale)` reads: for browser code that formats them itself (the rich editor's `client.*`).
 * @example newsroomMessagesFor('ko', 'client.')['client.cancel'] === '취소'
 */
export function newsroomMessagesFor(locale: string, prefix: string): Record<string, string> {
  const spoken = catalogFor(locale);
  const catalogs: Catalogs<NewsroomKey> = newsroomCatalogs;
  const messages = (spoken && catalogs[spoken]) || catalogs.en;
  return Object.fromEntries(Object.entries(messages).filter(([key]) => key.startsWith(prefix)));
}

/**
 * The words around content in `contentLanguage` (null: the site's) on a site in `site.language`: the
 * content's own when Gazette speaks it and the site's words are another language, the site's
 * otherwise. A Korean article on an English site gets Korean words around it; a Hebrew one keeps the
 * site's English ones.
 */
export function translatorFor(contentLanguage: string | null, site: { readonly language: string; readonly timeZone: string }): Translator {
  const siteWords = translator(site.language, site.timeZone);
  const contentCatalog = contentLanguage ? catalogFor(contentLanguage) : undefined;
  return contentLanguage && contentCatalog && contentCatalog !== siteWords.catalog ? translator(contentLanguage, site.timeZone) : siteWords;
}

/**
 * The language to mark the words from `translatorFor` with in a page in the site's language: the
 * site's own tag when they are its words (a Portuguese site speaks English words but is a pt page),
 * else theirs.
 */
export function languageOfWords(words: Translator, site: { readonly language: string; readonly timeZone: string }): string {
  return words.catalog === translator(site.language, site.timeZone).catalog ? site.language : words.language;
}
