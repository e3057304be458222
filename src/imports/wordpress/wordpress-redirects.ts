import type { Db } from '../../db/database.ts';
import type { RedirectTarget } from '../import.table.ts';
import type { ImportOrigin } from '../import-records.queries.ts';
import type { ImportReport } from '../import-report.ts';
import { findRedirect, saveRedirect } from '../redirects.queries.ts';
import { redirectKey } from '../redirects.ts';
import type { WordPressIndex } from './wordpress-index.ts';

interface RedirectContext {
  readonly index: WordPressIndex;
  readonly from: ImportOrigin;
  readonly lookups: {
    readonly authorIds: ReadonlyMap<string, number>;
    readonly sectionIds: ReadonlyMap<string, number>;
    readonly tagIds: ReadonlyMap<string, number>;
    readonly media: ReadonlyMap<number, { id: number }>;
    readonly articleIds: ReadonlyMap<string, number>;
  };
  readonly dryRun: boolean;
  /** In a dry run nothing has an id here yet: what would have been imported, by WordPress id, stands in. */
  readonly wouldImport?: { readonly postIds: ReadonlySet<number>; readonly attachmentIds: ReadonlySet<number> };
  readonly now: Date;
  readonly report: ImportReport;
  /** The category and tag bases of the old site's permalinks (WordPress's defaults: category, tag). */
  readonly categoryBases?: readonly string[];
  readonly tagBases?: readonly string[];
}

/**
 * Every address the old site answered that has an equivalent here, as 301s: posts by permalink,
 * `?p=` and old slugs; category, tag and author archives and their feeds; attachment pages; the
 * site's feeds. Gazette's own addresses are never taken over: a key one of its routes answers is
 * still looked up only when that route finds nothing.
 */
export async function saveWordPressRedirects(db: Db, context: RedirectContext): Promise<void> {
  const { index, lookups, report } = context;
  // A dry run counts the redirects the import would save; 0 stands for an id not given yet.
  const placeholder = (wouldExist: boolean) => (context.dryRun && wouldExist ? 0 : undefined);
  const redirects = new Map<string, { kind: RedirectTarget; id: number | null }>();
  const add = (path: string | undefined, kind: RedirectTarget, id: number | null) => {
    const key = path === undefined ? undefined : redirectKey(path);
    if (key && key !== '/' && !redirects.has(key)) redirects.set(key, { kind, id });
  };

  for (const [key, postId] of index.postIdsByPath) {
    const articleId = lookups.articleIds.get(String(postId)) ?? placeholder(context.wouldImport?.postIds.has(postId) ?? false);
    if (articleId !== undefined) add(key, 'article', articleId);
  }
  for (const [postId, attachment] of index.attachments) {
    const id = lookups.media.get(postId)?.id ?? placeholder(context.wouldImport?.attachmentIds.has(postId) ?? false);
    if (id === undefined) continue;
    add(`/?attachment_id=${postId}`, 'media', id);
    if (attachment.uploadPath) add(`/wp-content/uploads/${attachment.uploadPath}`, 'media', id);
  }
  const categoryBases = context.categoryBases ?? ['category'];
  for (const category of index.taxonomy.categories) {
    const path = index.taxonomy.ancestry(category.slug).join('/');
    const top = index.taxonomy.topLevelOf(category.slug) === category.slug;
    const sectionId = lookups.sectionIds.get(category.slug) ?? placeholder(true);
    const tagId = lookups.tagIds.get(index.taxonomy.nameOf(category)) ?? placeholder(true);
    const [kind, feedKind, id] = top ? (['section', 'section-feed', sectionId] as const) : (['tag', 'tag-feed', tagId] as const);
    if (id === undefined) continue;
    add(`/?cat=${category.id}`, kind, id);
    for (const base of categoryBases) {
      add(`/${base}/${path}`, kind, id);
      add(`/${base}/${path}/feed`, feedKind, id);
    }
  }
  const tagBases = context.tagBases ?? ['tag'];
  for (const tag of index.taxonomy.tags) {
    const id = lookups.tagIds.get(index.taxonomy.nameOf(tag)) ?? placeholder(true);
    if (id === undefined) continue;
    add(`/?tag=${tag.slug}`, 'tag', id);
    for (const base of tagBases) {
      add(`/${base}/${tag.slug}`, 'tag', id);
      add(`/${base}/${tag.slug}/feed`, 'tag-feed', id);
    }
  }
  for (const author of index.authors) {
    const id = lookups.authorIds.get(author.login) ?? placeholder(true);
    if (id === undefined) continue;
    add(`/?author=${author.id}`, 'author', id);
    add(`/author/${author.login}`, 'author', id);
    add(`/author/${author.login}/feed`, 'author-feed', id);
  }
  for (const feed of ['/feed', '/feed/rss2', '/feed/rss', '/feed/atom', '/feed/rdf', '/rss', '/rss2', '/atom']) add(feed, 'site-feed', null);

  for (const [path, target] of redirects) {
    // A dry run has no new ids to compare with: an address already pointing somewhere counts as kept.
    const outcome = context.dryRun
      ? (await findRedirect(db, path))
        ? 'unchanged'
        : 'created'
      : await saveRedirect(db, path, { targetKind: target.kind, targetId: target.id }, context.now);
    report.count('redirects', outcome);
  }
}
