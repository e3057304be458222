import type { FastifyPluginAsync } from 'fastify';
import { absoluteUrl, policyUrl, type ReaderDeps } from '../articles/index.ts';
import { NotFoundError } from '../errors.ts';
import { contentTags } from '../platform/content-changes.ts';
import { servePage } from '../platform/page-cache.ts';
import { renderDocument } from '../render/safe-html.ts';
import { type PolicyKey, policyKeys, policyTitles, siteChrome } from '../settings/index.ts';
import { PolicyPage } from './policy-page.tsx';

const policyParams = { type: 'object', required: ['policy'], properties: { policy: { type: 'string', enum: [...policyKeys] } } } as const;

/** The newsroom's published standards, one page each, written in the settings. */
export const policyRoutes: FastifyPluginAsync<ReaderDeps> = async (app, { site, pages }) => {
  app.get<{ Params: { policy: PolicyKey } }>('/policies/:policy', { schema: { params: policyParams } }, async (request, reply) => {
    const { policy } = request.params;
    const settings = site.settings.current();
    const text = settings.policies[policy];
    if (text.trim() === '') throw new NotFoundError('This newsroom has not published that policy yet.');
    return servePage(request, reply, pages, policyUrl(policy), async () => {
      const title = policyTitles[policy];
      const html = renderDocument(
        <PolicyPage
          data={{
            site: siteChrome(site, policyUrl(policy), site.clock.now()),
            head: { title, description: `${title} of ${settings.name}.`, canonicalUrl: absoluteUrl(site.publicUrl, policyUrl(policy)), ogType: 'website' },
            title,
            text,
          }}
        />,
      );
      return { html, tags: [contentTags.settings] };
    });
  });
};
