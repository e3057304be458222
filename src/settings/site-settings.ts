import type { NavigationLink } from '../render/document.tsx';

/** The newsroom's identity and presentation, edited in the admin, never in code. */
export interface SiteSettings {
  readonly name: string;
  readonly description: string;
  /** BCP 47 language tag for <html lang> and dates, e.g. "en-GB". */
  readonly language: string;
  /** IANA time zone in which dates are shown, e.g. "Europe/London". */
  readonly timeZone: string;
  readonly navigation: readonly NavigationLink[];
}

export const defaultSiteSettings: SiteSettings = Object.freeze({
  name: 'Gazette',
  description: 'Independent news.',
  language: 'en',
  timeZone: 'UTC',
  navigation: Object.freeze([]),
});

function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isNavigation(value: unknown): value is NavigationLink[] {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item?.label === 'string' && typeof item?.href === 'string' && item.href.startsWith('/'))
  );
}

/** Stored values are read defensively: a bad row falls back to the default rather than breaking every page. */
export function siteSettingsFromStored(stored: ReadonlyMap<string, unknown>): SiteSettings {
  const text = (key: keyof SiteSettings, fallback: string) => {
    const value = stored.get(key);
    return typeof value === 'string' && value.trim() !== '' ? value : fallback;
  };
  const timeZone = text('timeZone', defaultSiteSettings.timeZone);
  const navigation = stored.get('navigation');
  return Object.freeze({
    name: text('name', defaultSiteSettings.name),
    description: text('description', defaultSiteSettings.description),
    language: text('language', defaultSiteSettings.language),
    timeZone: isValidTimeZone(timeZone) ? timeZone : defaultSiteSettings.timeZone,
    navigation: isNavigation(navigation) ? navigation : defaultSiteSettings.navigation,
  });
}
