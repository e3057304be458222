/**
 * What the spam classifier sees of a text: its distinct features, in order of first appearance.
 * Words and pairs of neighbouring words are lower-cased; links, addresses, money, shouting and
 * hidden characters become features of their own, because that is where spam gives itself away.
 * Features become rows of the counts table, so each one is short, and none holds a whole email
 * address (only its domain) or a long run of digits such as a phone number (only its length).
 *
 * @example
 * spamFeatures('WIN $500 at https://www.prizes.example/claim');
 * // → ['url:prizes.example', 'money', 'caps:win', 'win', '500', 'win 500', 'at', '500 at', 'https', 'at https', …]
 */

/** Scanning stops here: a 10 MB paste must cost no more than a long comment. */
export const maxScannedCharacters = 50_000;
/** Every feature is a lookup in the counts table, so a text never has more than this many. */
export const maxFeaturesPerText = 1_500;
/** Longer "words" are base64, hashes or keyboard mashing: only their shape is kept. */
export const maxWordLength = 24;
/** Longer runs of digits are phone, card or order numbers: their value never recurs, and is private. */
const maxNumberLength = 4;
const maxHostLength = 64;

const bidiControls = /[\u202A-\u202E\u2066-\u2069]/u;
const invisibleCharacters = /[\u200B-\u200D\u2060\u00AD]/u;
const urlPattern = /\b(?:https?:\/\/|www\.)([\p{L}\p{N}.-]{1,253})/giu;
const emailPattern = /[\p{L}\p{N}._%+-]{1,64}@((?:[\p{L}\p{N}-]{1,63}\.){1,4}\p{L}{2,24})\b/gu;
const moneyPattern = /[$£€¥]\s?\d|\d\s?(?:usd|eur|gbp|dollars?|euros?|pounds)\b/iu;
const tagPattern = /<\/?([a-z][a-z0-9]{0,15})\b/giu;
const wordPattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu;
const digitsOnly = /^\p{N}+$/u;
const lettersOnly = /^[\p{L}\p{M}]+$/u;

/** "shop.cheap-meds.example" → the host and the name it is registered under, which outlives the host. */
function hostFeatures(rawHost: string, prefix: string): string[] {
  const host = rawHost
    .toLowerCase()
    .replace(/^www\./u, '')
    .replace(/\.+$/u, '');
  const registered = host.split('.').slice(-2).join('.');
  if (registered.length > maxHostLength) return [`${prefix}:long`];
  if (registered === host || host.length > maxHostLength) return [`${prefix}:${registered}`];
  return [`${prefix}:${host}`, `${prefix}:${registered}`];
}

/** A word as a feature: too long a word or too long a number is reduced to its shape. */
function wordFeature(word: string): string {
  if (digitsOnly.test(word)) return word.length <= maxNumberLength ? word : `number:${Math.min(word.length, 20)}`;
  if (word.length <= maxWordLength) return word;
  return `long:${lettersOnly.test(word) ? 'letters' : 'mixed'}:${Math.min(10, Math.floor(word.length / 10)) * 10}`;
}

/** The distinct features of one text, used for both training and scoring (so training and untraining are symmetric). */
export function spamFeatures(text: string): string[] {
  const features = new Set<string>();
  const add = (feature: string) => {
    if (features.size < maxFeaturesPerText) features.add(feature);
  };
  // NFKC can lengthen a string many times over (U+FDFA becomes 18 letters), so the cap is applied after it too.
  const scanned = text.slice(0, maxScannedCharacters).normalize('NFKC').slice(0, maxScannedCharacters);
  if (bidiControls.test(scanned)) add('char:bidi');
  if (invisibleCharacters.test(scanned)) add('char:invisible');
  for (const match of scanned.matchAll(urlPattern)) hostFeatures(match[1]!, 'url').forEach(add);
  for (const match of scanned.matchAll(emailPattern)) hostFeatures(match[1]!, 'email').forEach(add);
  if (moneyPattern.test(scanned)) add('money');
  for (const match of scanned.matchAll(tagPattern)) add(`tag:${match[1]!.toLowerCase()}`);
  let previous = '';
  for (const [word] of scanned.matchAll(wordPattern)) {
    const lower = word.toLowerCase();
    const feature = wordFeature(lower);
    if (word.length >= 3 && word !== lower && word === word.toUpperCase()) add(`caps:${feature}`);
    add(feature);
    if (previous) add(`${previous} ${feature}`);
    previous = feature;
    if (features.size >= maxFeaturesPerText) break;
  }
  return [...features];
}
