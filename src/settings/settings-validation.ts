import { type Phrase, phrase, ValidationError } from '../errors.ts';
import { isValidTimeZone, policyKeys, type SiteSettings } from './site-settings.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';

const messages = {
  nameRequired: phrase('refusal.settings.nameRequired'),
  nameTooLong: phrase('refusal.settings.nameTooLong'),
  descriptionTooLong: phrase('refusal.settings.descriptionTooLong'),
  languageInvalid: phrase('refusal.settings.languageInvalid'),
  timeZoneInvalid: phrase('refusal.settings.timeZoneInvalid'),
  navigationInvalid: (line: number) => phrase('refusal.settings.navigationInvalid', { line }),
  navigationTooLong: phrase('refusal.settings.navigationTooLong'),
  policyTooLong: phrase('refusal.settings.policyTooLong'),
  controlCharacters: phrase('refusal.settings.controlCharacters'),
  hasErrors: phrase('refusal.settings.hasErrors'),
};

/** Navigation as editors type it: one "Label | /path" per line. */
export function parseNavigation(text: string): { links: SiteSettings['navigation']; error?: Phrase } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length > 12) return { links: [], error: messages.navigationTooLong };
  const links = [];
  for (const [index, line] of lines.entries()) {
    const match = /^(.{1,60}?)\s*\|\s*(\/[A-Za-z0-9/_.?=&%-]{0,200})$/.exec(line);
    if (!match || match[2]!.startsWith('//')) return { links: [], error: messages.navigationInvalid(index + 1) };
    links.push({ label: match[1]!.trim(), href: match[2]! });
  }
  return { links };
}

export function navigationToText(navigation: SiteSettings['navigation']): string {
  return navigation.map((link) => `${link.label} | ${link.href}`).join('\n');
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1 && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value);
  } catch {
    return false;
  }
}

/** Checks what an admin typed; every problem at once, by field. The comment policy has its own form; the logo is checked against the media library by the settings route. */
export function validateSiteSettings(
  input: Omit<SiteSettings, 'navigation' | 'comments' | 'logo'> & { navigationText: string },
): Omit<SiteSettings, 'comments' | 'logo'> {
  const fields: Record<string, Phrase> = {};
  const name = input.name.trim();
  if (name === '') fields.name = messages.nameRequired;
  else if (name.length > 100) fields.name = messages.nameTooLong;
  if (input.description.length > 300) fields.description = messages.descriptionTooLong;
  if (!isLanguageTag(input.language.trim())) fields.language = messages.languageInvalid;
  if (!isValidTimeZone(input.timeZone.trim()) || input.timeZone.trim() === '') fields.timeZone = messages.timeZoneInvalid;
  const navigation = parseNavigation(input.navigationText);
  if (navigation.error) fields.navigationText = navigation.error;
  for (const key of policyKeys) {
    if (input.policies[key].length > 20_000) fields[`policy-${key}`] = messages.policyTooLong;
  }
  for (const [field, value] of [
    ['name', input.name],
    ['description', input.description],
    ['navigationText', input.navigationText],
  ] as const) {
    if (!fields[field] && hasControlCharacters(value, 'lines')) fields[field] = messages.controlCharacters;
  }
  if (Object.keys(fields).length > 0) throw new ValidationError(messages.hasErrors, fields);
  return {
    name,
    description: input.description.trim(),
    language: input.language.trim(),
    timeZone: input.timeZone.trim(),
    navigation: navigation.links,
    feedContent: input.feedContent === 'summary' ? 'summary' : 'full',
    policies: Object.fromEntries(policyKeys.map((key) => [key, input.policies[key].trim()])) as SiteSettings['policies'],
  };
}
