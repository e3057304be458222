import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { audit, can } from '../../accounts/index.ts';
import { ForbiddenError, NotFoundError, type Phrase, phrase, sentenceIn, ValidationError } from '../../errors.ts';
import { getMediaItem, listAllMedia, logoImage } from '../../media/index.ts';
import { navigationToText, policyKeys, type SiteLogo, type SiteSettings, siteLogo, validateSiteSettings } from '../../settings/index.ts';
import { accountDeps, type AdminContext, newsroomWords, requestMeta, requireStaff, staffOnly, sendAdminPage } from '../admin-context.ts';
import { renderSettingsPage } from './settings-page.tsx';

const fieldNames = ['name', 'description', 'language', 'timeZone', 'navigationText', 'feedContent', 'logo', ...policyKeys.map((key) => `policy-${key}`)];
const settingsBody = {
  type: 'object',
  properties: Object.fromEntries([...fieldNames, '_csrf'].map((name) => [name, { type: 'string', maxLength: 100_000 }])),
} as const;

function valuesOf(settings: SiteSettings): Record<string, string> {
  return {
    name: settings.name,
    description: settings.description,
    language: settings.language,
    timeZone: settings.timeZone,
    navigationText: navigationToText(settings.navigation),
    feedContent: settings.feedContent,
    logo: settings.logo ? String(settings.logo.mediaId) : '',
    ...Object.fromEntries(policyKeys.map((key) => [`policy-${key}`, settings.policies[key]])),
  };
}

/** Site settings: identity (name, logo), navigation, feeds and published standards. Owners and admins only. */
export const settingsRoutes: FastifyPluginAsync<AdminContext> = async (app, context) => {
  app.addHook('preHandler', staffOnly);
  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (!can(requireStaff(request), 'manage-settings')) throw new ForbiddenError(phrase('settings.forbidden'));
  });
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: Omit<Parameters<typeof renderSettingsPage>[1], 'images' | 'logo'>,
  ) => {
    const images = (await listAllMedia(context.db)).map((m) => ({
      value: String(m.id),
      label: m.caption ? `${m.originalName}: ${m.caption.slice(0, 60)}` : m.originalName,
    }));
    return sendAdminPage(context, request, reply, status, renderSettingsPage, { ...form, images, logo: siteLogo(context.site) });
  };

  /** The library image chosen as the logo, with the variant feeds and JSON-LD will link; '' is the shipped logo. */
  const readLogo = async (typed: string): Promise<{ logo: SiteLogo | null } | { error: Phrase }> => {
    if (typed === '') return { logo: null };
    try {
      const image = await getMediaItem(context.db, /^[1-9][0-9]{0,9}$/.test(typed) ? Number(typed) : 0);
      const { path, width, height } = logoImage(image);
      return { logo: { mediaId: image.id, url: path, width, height } };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return { error: phrase('settings.logoMissing') };
    }
  };

  app.get<{ Querystring: { saved?: string } }>('/admin/settings', async (request, reply) =>
    show(request, reply, 200, {
      values: valuesOf(context.site.settings.current()),
      errors: {},
      ...(request.query.saved ? { notice: newsroomWords(context).text('settings.saved') } : {}),
    }),
  );

  app.post<{ Body: Record<string, string | undefined> }>(
    '/admin/settings',
    { schema: { body: settingsBody }, preHandler: app.csrfProtection },
    async (request, reply) => {
      const values = Object.fromEntries(fieldNames.map((name) => [name, request.body?.[name] ?? '']));
      const chosen = await readLogo(values.logo!);
      // The logo's problem is shown with the other fields' ones, so everything can be fixed at once.
      const logoErrors: Record<string, Phrase> = 'error' in chosen ? { logo: chosen.error } : {};
      try {
        const settings = validateSiteSettings({
          name: values.name!,
          description: values.description!,
          language: values.language!,
          timeZone: values.timeZone!,
          navigationText: values.navigationText!,
          feedContent: values.feedContent === 'summary' ? 'summary' : 'full',
          policies: Object.fromEntries(policyKeys.map((key) => [key, values[`policy-${key}`] ?? ''])) as SiteSettings['policies'],
        });
        if (!('logo' in chosen)) throw new ValidationError(phrase('refusal.settings.hasErrors'), logoErrors);
        await context.site.settings.update({ ...settings, logo: chosen.logo });
        await audit(accountDeps(context), requireStaff(request), 'settings.changed', settings.name, requestMeta(request));
        return reply.redirect('/admin/settings?saved=1', 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const words = newsroomWords(context);
        const logoError: Record<string, string> = 'error' in chosen ? { logo: sentenceIn(chosen.error, words) } : {};
        return show(request, reply, 422, { values, errors: { ...error.fieldsIn(words), ...logoError } });
      }
    },
  );
};
