import { ValidationError } from '../errors.ts';
import { isValidTimeZone, policyKeys, type SiteSettings } from './site-settings.ts';
import { hasControlCharacters } from '../platform/control-characters.ts';

const messages = {
  nameRequired: 'Give the site a name.',
  nameTooLong: 'Keep the name under 100 characters.',
  descriptionTooLong: 'Keep the description under 300 characters.',
  languageInvalid: 'Use a language tag such as en, en-GB or fr-CA.',
  timeZoneInvalid: 'Use a time zone name such as Europe/London or America/New_York.',
  navigationInvalid: (line: number) => `Line ${line}: write a label, a vertical bar and a path on this site, e.g. "World | /world".`,
  navigationTooLong: 'Keep the navigation to 12 links.',
  policyTooLong: 'Keep each policy under 20,000 characters.',
  controlCharacters: 'This field contains invisible control characters; retype it.',
};

/** Navigation as editors type it: one "Label | /path" per line. */
export function parseNavigation(text: string): { links: SiteSettings['navigation']; error?: string } {
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
  const fields: Record<string, string> = {};
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
  if (Object.keys(fields).length > 0) throw new ValidationError('The settings have errors.', fields);
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
