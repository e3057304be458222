import type { Db } from '../db/database.ts';
import { type ContentChanges, contentTags } from '../platform/content-changes.ts';
import type { ArticleScope } from './article.ts';
import { countPublished } from './articles.queries.ts';
import { KeptUntilListsChange } from '../platform/kept-until-lists-change.ts';

/** Collections whose counts are kept at once: every section, and the tags and authors being read. */
const keptCollections = 10_000;

/**
 * How many published articles a collection (the site, a section, a tag, an author) holds, kept
 * between requests. Its list pages need the number for their pager, and counting it reads an index
 * entry per article: 90 ms a page for a section of 240,000 on PostgreSQL under load, for a number
 * that only changes when an article is published, moved or withdrawn.
 */
export class CollectionCounts {
  readonly #counts: KeptUntilListsChange<number>;

  constructor(changes: ContentChanges, maxAgeMs = 60_000) {
    this.#counts = new KeptUntilListsChange(changes, { most: keptCollections, maxAgeMs });
  }

  count(db: Db, scope: ArticleScope, now: Date): Promise<number> {
    return this.#counts.get(contentTags.scope(scope), now, () => countPublished(db, scope, now));
  }
}
