import { can, type User } from '../../accounts/index.ts';
import type { Article, ArticleInput } from '../../articles/index.ts';
import { findAuthorBySlug, findAuthorIdForUser } from '../../authors/index.ts';
import type { Db } from '../../db/database.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { getMediaItem } from '../../media/index.ts';
import { findSectionBySlug } from '../../sections/index.ts';
import { findOrCreateTags } from '../../tags/index.ts';
import type { ArticleUpdateBody } from './admin-article-json.ts';

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');

async function imageIdOf(db: Db, id: number | null, field: string, errors: Record<string, string>): Promise<number | null> {
  if (id === null) return null;
  try {
    return (await getMediaItem(db, id)).id;
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    errors[field] = `No image in the media library has the id ${id}.`;
    return null;
  }
}

/**
 * What the articles service takes, from the API's JSON: slugs and names become ids, and a field not
 * sent keeps `current`'s value (or the default of a new article). Names that match nothing are
 * refused field by field, with what was sent, rather than dropped.
 */
export async function articleInputFrom(db: Db, caller: User, body: ArticleUpdateBody, current?: Article): Promise<ArticleInput> {
  const errors: Record<string, string> = {};

  let sectionId = current?.section?.id ?? null;
  if (body.section !== undefined) {
    const slug = body.section?.trim() ?? '';
    sectionId = slug === '' ? null : ((await findSectionBySlug(db, slug))?.id ?? null);
    if (slug !== '' && sectionId === null) errors.section = `No section has the slug "${slug}".`;
  }

  let tagIds = current?.tags.map((tag) => tag.id) ?? [];
  if (body.tags !== undefined) {
    const names = body.tags.map((name) => name.trim()).filter(Boolean);
    if (names.some((name) => name.length > 50)) errors.tags = 'A tag name is at most 50 characters.';
    else {
      const { tags, unknown } = await findOrCreateTags(db, names, { mayCreate: can(caller, 'manage-sections-and-tags') });
      if (unknown.length > 0) errors.tags = `No tag is named ${quoted(unknown)}, and your role may not create tags.`;
      tagIds = tags.map((tag) => tag.id);
    }
  }

  let authorIds = current?.authors.map((author) => author.id) ?? [];
  if (body.bylines !== undefined) {
    const found = await Promise.all(body.bylines.map(async (slug) => ({ slug, author: await findAuthorBySlug(db, slug.trim()) })));
    const unknown = found.filter((byline) => !byline.author).map((byline) => byline.slug);
    if (unknown.length > 0) errors.bylines = `No author has the slug ${quoted(unknown)}.`;
    authorIds = [...new Set(found.flatMap((byline) => (byline.author ? [byline.author.id] : [])))];
  } else if (!current) {
    // As in the newsroom's editor, the writer's own byline comes first on a new article.
    const own = await findAuthorIdForUser(db, caller.id);
    authorIds = own === undefined ? [] : [own];
  }

  const featuredMediaId = body.featuredImage === undefined ? (current?.image?.id ?? null) : await imageIdOf(db, body.featuredImage, 'featuredImage', errors);
  const socialImageId = body.socialImage === undefined ? (current?.socialImage?.id ?? null) : await imageIdOf(db, body.socialImage, 'socialImage', errors);

  if (Object.keys(errors).length > 0) throw new ValidationError('The article has errors.', errors);
  return {
    headline: body.headline ?? current?.headline ?? '',
    standfirst: body.standfirst ?? current?.standfirst ?? '',
    dateline: body.dateline ?? current?.dateline ?? '',
    bodyHtml: body.body ?? current?.bodyHtml ?? '',
    slug: body.slug ?? current?.slug ?? '',
    sectionId,
    authorIds,
    tagIds,
    featuredMediaId,
    socialImageId,
    seoTitle: body.seoTitle === undefined ? (current?.seoTitle ?? null) : body.seoTitle,
    seoDescription: body.seoDescription === undefined ? (current?.seoDescription ?? null) : body.seoDescription,
    kind: body.kind ?? current?.kind ?? 'news',
    language: body.language === undefined ? (current?.language ?? null) : body.language,
  };
}
