import type { Db } from '../db/database.ts';
import { type ContentChanges, contentTags } from '../platform/content-changes.ts';
import type { ArticleScope } from './article.ts';
import { countPublished, newestPublishedIds } from './articles.queries.ts';
import { KeptUntilListsChange } from '../platform/kept-until-lists-change.ts';

/** Collections whose counts are kept at once: every section, and the tags and authors being read. */
const keptCollections = 10_000;

/** Where list pages start, for the pages being read. */
const keptPageStarts = 20_000;

/**
 * How many published articles a collection (the site, a section, a tag, an author) holds, and where its
 * pages start, kept between requests. Its list pages need the number for their pager, and counting it
 * reads an index entry per article: 90 ms a page for a section of 240,000 on PostgreSQL under load, for
 * a number that only changes when an article is published, moved or withdrawn. A page past the first
 * starts after the last article of the page before it; finding that article steps over every article
 * before it, and it too stays where it is until the list changes.
 */
export class CollectionCounts {
  readonly #counts: KeptUntilListsChange<number>;
  readonly #pageStarts: KeptUntilListsChange<number | undefined>;

  constructor(changes: ContentChanges, maxAgeMs = 60_000) {
    this.#counts = new KeptUntilListsChange(changes, { most: keptCollections, maxAgeMs });
    this.#pageStarts = new KeptUntilListsChange(changes, { most: keptPageStarts, maxAgeMs });
  }

  count(db: Db, scope: ArticleScope, now: Date): Promise<number> {
    return this.#counts.get(contentTags.scope(scope), now, () => countPublished(db, scope, now));
  }

  /** The id of the last article before page `page` (from 2) of `perPage` articles; undefined past the end. */
  pageStart(db: Db, scope: ArticleScope, page: number, perPage: number, now: Date): Promise<number | undefined> {
    return this.#pageStarts.get(pageKey(scope, page, perPage), now, async () => {
      const [last] = await newestPublishedIds(db, { scope, now, limit: 1, offset: (page - 1) * perPage - 1 });
      return last?.id;
    });
  }

  /** Notes that page `page` starts after article `id`, read from the end of the page before it; kept only where nothing is. */
  notePageStart(scope: ArticleScope, page: number, perPage: number, id: number, now: Date): void {
    void this.#pageStarts.get(pageKey(scope, page, perPage), now, async () => id);
  }
}

function pageKey(scope: ArticleScope, page: number, perPage: number): string {
  return `${contentTags.scope(scope)} ${perPage} ${page}`;
}
