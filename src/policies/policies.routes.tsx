import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { ReaderDeps } from '../articles/index.ts';
import { absoluteUrl, policyUrl } from '../platform/urls.ts';
import { NotFoundError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import { pageCacheRoute, servePage } from '../platform/page-cache.ts';
import { renderDocument } from '../render/safe-html.ts';
import { policyKeys, siteChrome } from '../settings/index.ts';
import { PolicyPage } from './policy-page.tsx';
import { oneOf } from '../platform/route-schemas.ts';

const PolicyParams = Type.Object({ policy: oneOf(policyKeys) });

/** The newsroom's published standards, one page each, written in the settings. */
export const policyRoutes: FastifyPluginAsync<ReaderDeps> = async (app, { site, pages }) => {
  app.get<{ Params: Static<typeof PolicyParams> }>('/policies/:policy', { ...pageCacheRoute, schema: { params: PolicyParams } }, async (request, reply) => {
    const { policy } = request.params;
    const settings = site.settings.current();
    const text = settings.policies[policy];
    if (text.trim() === '') throw new NotFoundError('This newsroom has not published that policy yet.');
    return servePage(request, reply, pages, policyUrl(policy), async () => {
      const chrome = siteChrome(site, policyUrl(policy), site.clock.now());
      const title = chrome.words.text(`policy.${policy}`);
      const description = chrome.words.text('policy.description', { title, siteName: settings.name });
      const html = renderDocument(
        <PolicyPage
          data={{
            site: chrome,
            head: { title, description, canonicalUrl: absoluteUrl(site.publicUrl, policyUrl(policy)), ogType: 'website' },
            title,
            text,
          }}
        />,
      );
      return { html, tags: [contentTags.settings] };
    });
  });
};
