import { type Phrase, sentenceIn } from '../errors.ts';
import { newsroomTranslator } from '../i18n/index.ts';
import type { Mailer } from '../platform/mailer.ts';
import type { SettingsStore } from '../settings/index.ts';

export interface OwnerNoticeDeps {
  readonly mailer: Mailer;
  readonly settings: Pick<SettingsStore, 'current'>;
  /** For the link to the endpoint's page. */
  readonly publicUrl: string;
}

/**
 * Emails each owner that an endpoint was turned off after 24 hours of failed deliveries, in the
 * newsroom's language, with the last failure and a link to the page where it is enabled again.
 */
export async function tellOwnersEndpointDisabled(
  deps: OwnerNoticeDeps,
  owners: readonly string[],
  endpoint: { readonly id: number; readonly url: string; readonly problem: Phrase },
): Promise<void> {
  const settings = deps.settings.current();
  const words = newsroomTranslator(settings.language, settings.timeZone);
  const subject = words.text('webhooks.email.subject', { siteName: settings.name });
  const body = words.text('webhooks.email.body', { url: endpoint.url, problem: sentenceIn(endpoint.problem, words) });
  const link = `${deps.publicUrl}/admin/webhooks/${endpoint.id}`;
  for (const to of owners) await deps.mailer.send({ to, subject, text: `${body}\n\n${link}\n` });
}
