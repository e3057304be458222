import type { storeForeignComment } from '../comments/index.ts';
import type { NewsroomKey } from '../i18n/index.ts';
import { type ImportPhrase, importPhrase } from './import-phrases.ts';

/** What the comments capability changed in a comment brought in from elsewhere ('name-shortened', …). */
type CommentAdjustment = Awaited<ReturnType<typeof storeForeignComment>>['adjustments'][number];

const adjustmentKeys = {
  'name-shortened': 'imports.reason.nameShortened',
  'email-dropped': 'imports.reason.emailDropped',
  'website-dropped': 'imports.reason.websiteDropped',
  'body-shortened': 'imports.reason.bodyShortened',
  'empty-body': 'imports.reason.emptyBody',
} as const satisfies Record<CommentAdjustment, NewsroomKey>;

/** The report's reason for a change the comments capability made to an imported comment. */
export function adjustmentPhrase(adjustment: CommentAdjustment): ImportPhrase {
  return importPhrase(adjustmentKeys[adjustment]);
}
