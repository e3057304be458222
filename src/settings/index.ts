export { type CommentOrder, type CommentPolicy, commentPolicyLimits } from './comment-policy.ts';
export { SettingsStore } from './settings.service.ts';
export type { FeedContent, SiteLogo, SiteSettings } from './site-settings.ts';
export { dateStyleOf, siteChrome, siteLogo, siteWordsOf, type SiteContext } from './site-context.ts';
export { policyKeys, policyTitles, type PolicyKey } from './site-settings.ts';
export { navigationToText, validateSiteSettings } from './settings-validation.ts';
