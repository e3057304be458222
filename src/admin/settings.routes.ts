import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit, can } from '../accounts/index.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import { navigationToText, policyKeys, type SiteSettings, validateSiteSettings } from '../settings/index.ts';
import { type AdminContext, accountDeps, adminChrome, requestMeta, requireStaff, sendHtml } from './admin-context.ts';
import { renderSettingsPage } from './settings-page.tsx';

const fieldNames = ['name', 'description', 'language', 'timeZone', 'navigationText', 'feedContent', ...policyKeys.map((key) => `policy-${key}`)];
const settingsBody = {
  type: 'object',
  properties: Object.fromEntries([...fieldNames, '_csrf'].map((name) => [name, { type: 'string', maxLength: 100_000 }])),
} as const;

function valuesOf(settings: SiteSettings): Record<string, string> {
  return {
    name: settings.name, description: settings.description, language: settings.language, timeZone: settings.timeZone,
    navigationText: navigationToText(settings.navigation), feedContent: settings.feedContent,
    ...Object.fromEntries(policyKeys.map((key) => [`policy-${key}`, settings.policies[key]])),
  };
}

/** Site settings: identity, navigation, feeds and published standards. Owners and admins only. */
export const settingsRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  app.addHook('preHandler', requireStaff);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!can(request.staff!, 'manage-settings')) throw new ForbiddenError('Your role cannot change the site settings.');
  });
  const show = (request: FastifyRequest, reply: FastifyReply, status: number, form: Parameters<typeof renderSettingsPage>[1]) =>
    sendHtml(reply, status, renderSettingsPage(adminChrome(context, request, reply), form));

  app.get<{ Querystring: { saved?: string } }>('/admin/settings', async (request, reply) =>
    show(request, reply, 200, { values: valuesOf(context.site.settings.current()), errors: {}, ...(request.query.saved ? { notice: 'Settings saved.' } : {}) }),
  );

  app.post<{ Body: Record<string, string | undefined> }>('/admin/settings', { schema: { body: settingsBody }, preHandler: app.csrfProtection }, async (request, reply) => {
    const values = Object.fromEntries(fieldNames.map((name) => [name, request.body?.[name] ?? '']));
    try {
      const settings = validateSiteSettings({
        name: values.name!, description: values.description!, language: values.language!, timeZone: values.timeZone!,
        navigationText: values.navigationText!, feedContent: values.feedContent === 'summary' ? 'summary' : 'full',
        policies: Object.fromEntries(policyKeys.map((key) => [key, values[`policy-${key}`] ?? ''])) as SiteSettings['policies'],
      });
      await context.site.settings.update(settings);
      await audit(accountDeps(context), request.staff!, 'settings.changed', settings.name, requestMeta(request));
      return reply.redirect('/admin/settings?saved=1', 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(request, reply, 422, { values, errors: error.fields });
    }
  });
};
