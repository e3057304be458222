/** Which way a language's script runs: what `dir` says in HTML. */
export type TextDirection = 'ltr' | 'rtl';

/** A BCP 47 tag longer than this is refused: RFC 5646 asks for 35 characters, extensions make some longer. */
const longestTag = 64;

/**
 * Canonical tags and their directions, as asking ICU costs: a page names the same few tags hundreds
 * of times (every teaser, every byline). They come from settings and articles, a handful; the bound
 * keeps hostile input from growing them.
 */
const canonicalTags = new Map<string, string | undefined>();
const directions = new Map<string, TextDirection>();
const mostRemembered = 1000;

/**
 * The canonical form of a BCP 47 language tag ("AR-eg" → "ar-EG", "iw" → "he"), or undefined when
 * `value` is not one. Underscores ("en_GB", a POSIX locale) are refused, not guessed at, and so is a
 * language subtag of five to eight letters: well-formed, but none is registered, and "Arabic" is a
 * name someone typed, not a tag.
 */
export function canonicalLanguageTag(value: string): string | undefined {
  if (canonicalTags.has(value)) return canonicalTags.get(value);
  const canonical = canonicalize(value);
  if (canonicalTags.size >= mostRemembered) canonicalTags.clear();
  canonicalTags.set(value, canonical);
  return canonical;
}

function canonicalize(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > longestTag) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    return canonical !== undefined && new Intl.Locale(canonical).language.length <= 3 ? canonical : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Scripts written right to left (ISO 15924). Node 20's `Intl.Locale#getTextInfo` is not used: its data
 * misses some (it calls Dhivehi's Thaana and Malay in Arabic script left to right), whereas every
 * language tag maximises to a script, and a script's direction never changes.
 */
const rightToLeftScripts = new Set([
  'Adlm', // Adlam (Fulani)
  'Arab', // Arabic, Persian, Urdu, Pashto, Sindhi, Uyghur, Sorani Kurdish…
  'Aran', // Arabic in Nastaliq style
  'Hebr', // Hebrew, Yiddish, Ladino
  'Mand', // Mandaic
  'Mend', // Mende Kikakui
  'Nkoo', // N'Ko
  'Rohg', // Hanifi Rohingya
  'Samr', // Samaritan
  'Syrc', // Syriac
  'Thaa', // Thaana (Dhivehi)
  'Yezi', // Yezidi
]);

/** Which way text in `tag` runs; a tag that is not one, or whose script is unknown, runs left to right. */
export function textDirectionOf(tag: string): TextDirection {
  const canonical = canonicalLanguageTag(tag);
  if (!canonical) return 'ltr';
  let direction = directions.get(canonical);
  if (!direction) {
    const script = new Intl.Locale(canonical).maximize().script;
    direction = script !== undefined && rightToLeftScripts.has(script) ? 'rtl' : 'ltr';
    if (directions.size >= mostRemembered) directions.clear();
    directions.set(canonical, direction);
  }
  return direction;
}

/** The `lang` and `dir` an element needs; each absent when it would repeat what the element inherits. */
export interface LanguageAttributes {
  readonly lang?: string;
  readonly dir?: TextDirection;
}

function sameLanguage(a: string, b: string): boolean {
  return (canonicalLanguageTag(a) ?? a).toLowerCase() === (canonicalLanguageTag(b) ?? b).toLowerCase();
}

/**
 * What a piece of content in `contentLanguage` (null: the page's own) needs inside a page in
 * `pageLanguage`: nothing when the languages match, else its `lang`, and its `dir` when that differs
 * too. An Arabic article on an English site gets `lang="ar" dir="rtl"`, so the site's own menus and
 * labels around it stay left to right.
 */
export function languageAttributes(contentLanguage: string | null, pageLanguage: string): LanguageAttributes {
  if (contentLanguage === null || contentLanguage === '' || sameLanguage(contentLanguage, pageLanguage)) return {};
  const direction = textDirectionOf(contentLanguage);
  return direction === textDirectionOf(pageLanguage) ? { lang: contentLanguage } : { lang: contentLanguage, dir: direction };
}
