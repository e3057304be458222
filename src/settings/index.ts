export { SettingsStore } from './settings.service.ts';
export { defaultSiteSettings, type SiteSettings } from './site-settings.ts';
export { dateStyleOf, siteChrome, type PageAssets, type SiteContext } from './site-context.ts';
