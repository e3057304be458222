import { can, type Role } from '../accounts/index.ts';
import { type Phrase, phrase } from '../errors.ts';
import type { MediaItem, MediaUsage } from './media.queries.ts';

export interface MediaStaff {
  readonly id: number;
  readonly role: Role;
}

/** Where an image is shown, as far as who may change it goes. */
export interface ImageShownIn {
  readonly usage: readonly Pick<MediaUsage, 'status'>[];
  /** The site's logo, chosen in the settings (which the media capability does not read). */
  readonly isSiteLogo: boolean;
}

/**
 * Why `staff` may not change `item`'s alt text, caption or credit, or undefined when they may.
 * Editors and up describe any image. Authors and contributors describe only images they uploaded
 * and no reader sees yet, because a new description shows at once on every published page, feed
 * and cached copy that carries the image.
 * @example whyCannotDescribe(request.staff, item, { usage, isSiteLogo: false }) // undefined for an editor
 */
export function whyCannotDescribe(staff: MediaStaff, item: Pick<MediaItem, 'uploadedBy'>, shownIn: ImageShownIn): Phrase | undefined {
  if (can(staff, 'describe-any-image')) return undefined;
  if (!can(staff, 'describe-own-image')) return phrase('refusal.media.noDescribing');
  if (item.uploadedBy === null || item.uploadedBy !== staff.id) return phrase('refusal.media.notTheirs');
  if (shownIn.isSiteLogo) return phrase('refusal.media.siteLogo');
  if (shownIn.usage.some((article) => article.status === 'published' || article.status === 'scheduled')) return phrase('refusal.media.inLiveWork');
  return undefined;
}

/** Why `staff` may not delete images, or undefined when they may (an image in use stays, whoever asks). */
export function whyCannotDelete(staff: MediaStaff): Phrase | undefined {
  return can(staff, 'delete-any-image') ? undefined : phrase('refusal.media.noDeleting');
}
