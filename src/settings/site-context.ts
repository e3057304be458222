import { type Translator, translator } from '../i18n/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { DateStyle } from '../render/dates.ts';
import type { SiteChrome } from '../render/document.tsx';
import type { SettingsStore } from './settings.service.ts';
import { policyKeys, type SiteSettings } from './site-settings.ts';
import { policyUrl } from '../platform/urls.ts';

/** The fingerprinted asset URLs every page links to. */
export interface PageAssets {
  readonly stylesheetUrl: string;
  readonly scriptUrl: string;
  /** The click-to-load script for embedded videos, linked only from pages that have one. */
  readonly embedsScriptUrl: string;
  /** Posts comments in place and moves the form under the comment being answered; linked where comments are open. */
  readonly commentsScriptUrl: string;
  readonly iconUrl: string;
  /** The publisher logo for JSON-LD: a raster image with its size, as search engines require. */
  readonly logo: { readonly url: string; readonly width: number; readonly height: number };
}

/** What every reader page needs besides its own content; built once at boot. */
export interface SiteContext {
  readonly settings: SettingsStore;
  readonly assets: PageAssets;
  /** Origin for absolute URLs, e.g. "https://news.example". */
  readonly publicUrl: string;
  readonly clock: Clock;
}

/** The newsroom's logo wherever the site names its publisher (JSON-LD, feeds): the one chosen in the settings, else the shipped one. */
export function siteLogo(context: SiteContext): { readonly url: string; readonly width: number; readonly height: number } {
  return context.settings.current().logo ?? context.assets.logo;
}

export function dateStyleOf(settings: SiteSettings): DateStyle {
  return { locale: settings.language, timeZone: settings.timeZone };
}

/** The site's words: its language's catalog (English for one Gazette does not speak yet), dates in its time zone. */
export function siteWordsOf(settings: SiteSettings): Translator {
  return translator(settings.language, settings.timeZone);
}

export function siteChrome(context: SiteContext, currentPath: string, now: Date): SiteChrome {
  const settings = context.settings.current();
  const words = siteWordsOf(settings);
  return {
    siteName: settings.name,
    siteDescription: settings.description,
    language: settings.language,
    navigation: settings.navigation,
    footerLinks: policyKeys.filter((key) => settings.policies[key].trim() !== '').map((key) => ({ label: words.text(`policy.${key}`), href: policyUrl(key) })),
    stylesheetUrl: context.assets.stylesheetUrl,
    scriptUrl: context.assets.scriptUrl,
    iconUrl: context.assets.iconUrl,
    currentPath,
    year: now.getUTCFullYear(),
    words,
  };
}
