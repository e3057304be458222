export { SettingsStore } from './settings.service.ts';
export { defaultSiteSettings, type FeedContent, type SiteLogo, type SiteSettings } from './site-settings.ts';
export { dateStyleOf, siteChrome, siteLogo, type PageAssets, type SiteContext } from './site-context.ts';
export { policyKeys, policyTitles, type PolicyKey } from './site-settings.ts';
export { navigationToText, validateSiteSettings } from './settings-validation.ts';
