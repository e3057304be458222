import { policyUrl } from '../platform/urls.ts';
import { type PolicyKey, policyKeys, siteLogo } from '../settings/index.ts';
import type { PolicyProperty, Publisher } from './article-json-ld.ts';
import type { ReaderDeps } from './reader-deps.ts';

const policyProperties: Readonly<Record<PolicyKey, PolicyProperty>> = {
  corrections: 'correctionsPolicy',
  ethics: 'ethicsPolicy',
  ownership: 'ownershipFundingInfo',
  masthead: 'masthead',
  feedback: 'actionableFeedbackPolicy',
};

/** The newsroom as publisher, with the standards it has published in its settings. */
export function publisherOf(deps: ReaderDeps): Publisher {
  const settings = deps.site.settings.current();
  return {
    name: settings.name,
    publicUrl: deps.site.publicUrl,
    logo: siteLogo(deps.site),
    policies: Object.fromEntries(policyKeys.filter((key) => settings.policies[key].trim() !== '').map((key) => [policyProperties[key], policyUrl(key)])),
  };
}
