import { type CommentPolicy, commentPolicyFromStored, defaultCommentPolicy } from './comment-policy.ts';
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
  /** What feeds carry: each article's full text, or only its standfirst. */
  readonly feedContent: FeedContent;
  /** The newsroom's published standards, as plain text; an empty one is not shown. */
  readonly policies: Readonly<Record<PolicyKey, string>>;
  /** Defaults for every article's comment section. */
  readonly comments: CommentPolicy;
  /** An image from the media library standing for the newsroom; null uses the shipped logo. */
  readonly logo: SiteLogo | null;
}

/**
 * The chosen logo as feeds and JSON-LD link it: a variant's path and real size, kept with the
 * setting so no page waits on the media table. The media library will not delete it while chosen.
 */
export interface SiteLogo {
  readonly mediaId: number;
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

/** Standards a trustworthy newsroom publishes, each with a page and a schema.org property. */
export type PolicyKey = 'corrections' | 'ethics' | 'ownership' | 'masthead' | 'feedback';
export const policyKeys: readonly PolicyKey[] = ['corrections', 'ethics', 'ownership', 'masthead', 'feedback'];

export const policyTitles: Readonly<Record<PolicyKey, string>> = {
  corrections: 'Corrections policy',
  ethics: 'Ethics policy',
  ownership: 'Ownership and funding',
  masthead: 'Masthead',
  feedback: 'Contact and feedback',
};

export type FeedContent = 'full' | 'summary';

export const defaultSiteSettings: SiteSettings = Object.freeze({
  name: 'Gazette',
  description: 'Independent news.',
  language: 'en',
  timeZone: 'UTC',
  navigation: Object.freeze([]),
  feedContent: 'full',
  policies: Object.freeze({ corrections: '', ethics: '', ownership: '', masthead: '', feedback: '' }),
  comments: defaultCommentPolicy,
  logo: null,
});

function policiesFrom(value: unknown): SiteSettings['policies'] {
  const stored = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return Object.freeze(Object.fromEntries(policyKeys.map((key) => [key, typeof stored[key] === 'string' ? stored[key] : ''])) as Record<PolicyKey, string>);
}

function logoFrom(value: unknown): SiteLogo | null {
  const logo = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const { mediaId, url, width, height } = logo;
  const isSize = (n: unknown): n is number => Number.isInteger(n) && (n as number) > 0;
  return isSize(mediaId) && typeof url === 'string' && url.startsWith('/media/') && isSize(width) && isSize(height)
    ? Object.freeze({ mediaId, url, width, height })
    : null;
}

export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function isNavigation(value: unknown): value is NavigationLink[] {
  return Array.isArray(value) && value.every((item) => typeof item?.label === 'string' && typeof item?.href === 'string' && item.href.startsWith('/'));
}

/** Stored values are read defensively: a bad row falls back to the default rather than breaking every page. */
export function siteSettingsFromStored(stored: ReadonlyMap<string, unknown>): SiteSettings {
  const text = (key: keyof SiteSettings, fallback: string) => {
    const value = stored.get(key);
    return typeof value === 'string' && value.trim() !== '' ? value : fallback;
  };
  const timeZone = text('timeZone', defaultSiteSettings.timeZone);
  const navigation = stored.get('navigation');
  const feedContent = stored.get('feedContent');
  return Object.freeze({
    name: text('name', defaultSiteSettings.name),
    description: text('description', defaultSiteSettings.description),
    language: text('language', defaultSiteSettings.language),
    timeZone: isValidTimeZone(timeZone) ? timeZone : defaultSiteSettings.timeZone,
    navigation: isNavigation(navigation) ? navigation : defaultSiteSettings.navigation,
    feedContent: feedContent === 'full' || feedContent === 'summary' ? feedContent : defaultSiteSettings.feedContent,
    policies: policiesFrom(stored.get('policies')),
    comments: commentPolicyFromStored(stored.get('comments')),
    logo: logoFrom(stored.get('logo')),
  });
}
