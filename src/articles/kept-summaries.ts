import type { Db } from '../db/database.ts';
import { type ContentChanges, contentTags, isArticleTag } from '../platform/content-changes.ts';
import { KeptUntilListsChange } from '../platform/kept-until-lists-change.ts';
import type { ArticleSummary } from './article.ts';
import { listPublishedSummariesByIds } from './articles.queries.ts';

/** The published ones of these articles as teasers, in the order asked, fresh or kept. */
export type SummariesByIds = (db: Db, ids: readonly number[], now: Date) => Promise<ArticleSummary[]>;

/**
 * Teasers of published articles (headline, standfirst, section, byline, photo, comment count), kept by
 * article id between requests. Home shows 145 of them on a newsroom with 36 sections, and each article
 * page three related ones: reading them is two statements and a row of 38 columns each at every render,
 * though an approved comment, the usual reason a page is rendered again, changes only its own article's.
 *
 * A change to one article (`article:<id>`, which an approved comment announces) forgets that teaser; any
 * other announced change but the newsroom's own lists forgets them all, as a teaser shows its section,
 * authors and photo, and an article edited, published or withdrawn announces a list too. Otherwise they
 * are kept as KeptUntilListsChange keeps values: a change announced during a read drops what it read, and
 * nothing is kept longer than `maxAgeMs`, which bounds what an instance that missed an announcement shows.
 */
export class KeptSummaries {
  readonly #kept: KeptUntilListsChange<ArticleSummary | undefined>;

  constructor(changes: ContentChanges, options: { readonly most?: number; readonly maxAgeMs?: number } = {}) {
    this.#kept = new KeptUntilListsChange(changes, {
      most: options.most ?? 2_000,
      ...(options.maxAgeMs === undefined ? {} : { maxAgeMs: options.maxAgeMs }),
      dropsOn: (tag) => tag !== contentTags.newsroom && !isArticleTag(tag),
      forgets: (tag) => (isArticleTag(tag) ? tag : undefined),
    });
  }

  readonly byIds: SummariesByIds = async (db, ids, now) => {
    const keys = ids.map((id) => contentTags.article(id));
    const idOfKey = new Map(keys.map((key, index) => [key, ids[index]!]));
    const readMissing = async (missing: string[]) => {
      const read = await listPublishedSummariesByIds(db, [...new Set(missing.map((key) => idOfKey.get(key)!))], now);
      return new Map(read.map((summary) => [contentTags.article(summary.id), summary]));
    };
    const summaries = await this.#kept.getMany(keys, now, readMissing, undefined);
    return summaries.filter((summary): summary is ArticleSummary => summary !== undefined);
  };
}
