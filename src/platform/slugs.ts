import slugify from '@sindresorhus/slugify';

/**
 * What a slug is made of: lower-case letters of any script (Hangul, Arabic and CJK have no case),
 * their combining marks, and decimal digits, in words joined by single hyphens.
 */
const slugCharacter = '[\\p{Ll}\\p{Lm}\\p{Lo}\\p{Mn}\\p{Mc}\\p{Nd}]';

/** Lower-case words joined by single hyphens: what every slug in a URL looks like (checked with the `u` flag). */
export const slugPattern = `^${slugCharacter}+(?:-${slugCharacter}+)*$`;
export const slugMaxLength = 120;
const slugRegExp = new RegExp(slugPattern, 'u');
const notSlugCharacters = new RegExp(`(?:(?!${slugCharacter}).)+`, 'gsu');
const nonLatinLetter = /(?![\p{Script=Latin}])\p{L}/u;
const latinRun = /[\p{Script=Latin}\p{M}'’]+/gu;
const longestMade = 80;

export function isValidSlug(value: string): boolean {
  return value.length <= slugMaxLength && slugRegExp.test(value);
}

/**
 * A URL slug from a headline or name. Latin script is transliterated ("São Paulo" → "sao-paulo");
 * every other script is kept as it is written ("부산항 화재" → "부산항-화재", "القاهرة" → "القاهرة"),
 * because a transliteration readers cannot read is worse than an address in their own script.
 */
export function slugFrom(text: string): string {
  const normalised = text.normalize('NFC');
  const slug = nonLatinLetter.test(normalised) ? keepingScripts(normalised) : slugify(normalised, { decamelize: false });
  const short = Array.from(slug).slice(0, longestMade).join('').replace(/-+$/, '');
  return short === '' ? 'untitled' : short;
}

function keepingScripts(text: string): string {
  return text
    .toLowerCase()
    .replace(latinRun, (run) => `-${slugify(run, { decamelize: false })}-`)
    .replace(notSlugCharacters, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * An ASCII-only slug, for names that become file names and storage keys (never shown to readers).
 * @example asciiSlugFrom('부산 harbour.jpg') // 'harbour-jpg'
 */
export function asciiSlugFrom(text: string): string {
  const slug = slugify(text, { decamelize: false })
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, longestMade)
    .replace(/-+$/, '');
  return slug === '' ? 'untitled' : slug;
}
