import { LRUCache } from 'lru-cache';
import type { Db } from '../db/database.ts';
import { type ContentChanges, contentTags } from '../platform/content-changes.ts';
import type { ArticleSummary } from './article.ts';
import { listPublishedSummariesByIds } from './articles.queries.ts';

/** The published ones of these articles as teasers, in the order asked, fresh or kept. */
export type SummariesByIds = (db: Db, ids: readonly number[], now: Date) => Promise<ArticleSummary[]>;

const articleTagPrefix = contentTags.article(0).replace(/0$/, '');

/**
 * Teasers of published articles (headline, standfirst, section, byline, photo, comment count), kept by
 * article id between requests. Home shows 145 of them on a newsroom with 36 sections, and each article
 * page three related ones: reading them is two statements and a row of 38 columns each at every render,
 * though an approved comment, the usual reason a page is rendered again, changes only its own article's.
 *
 * A change to one article (`article:<id>`, which an approved comment announces) forgets that teaser; any
 * other announced change but the newsroom's own lists forgets them all, as a teaser shows its section,
 * authors and photo, and an article edited, published or withdrawn announces a list too. A teaser read
 * while a change was announced is not kept, and none is kept longer than `maxAgeMs`, which bounds what
 * an instance that missed an announcement shows.
 */
export class KeptSummaries {
  readonly #kept: LRUCache<number, { readonly summary: ArticleSummary; readonly until: number }>;
  readonly #maxAgeMs: number;
  /** Counts announced changes: a read that saw it move may have read from before the change. */
  #changesSeen = 0;

  constructor(changes: ContentChanges, options: { readonly most?: number; readonly maxAgeMs?: number } = {}) {
    this.#kept = new LRUCache({ max: options.most ?? 2_000 });
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
    changes.subscribe((tags) => {
      this.#changesSeen++;
      for (const tag of tags) {
        if (tag === contentTags.newsroom) continue;
        const id = tag.startsWith(articleTagPrefix) ? Number(tag.slice(articleTagPrefix.length)) : Number.NaN;
        if (!Number.isInteger(id)) {
          this.#kept.clear();
          return;
        }
        this.#kept.delete(id);
      }
    });
  }

  readonly byIds: SummariesByIds = async (db, ids, now) => {
    const found = new Map<number, ArticleSummary>();
    const missing: number[] = [];
    for (const id of ids) {
      const kept = this.#kept.get(id);
      if (kept && now.getTime() < kept.until) found.set(id, kept.summary);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const changesBefore = this.#changesSeen;
      const read = await listPublishedSummariesByIds(db, missing, now);
      const keep = changesBefore === this.#changesSeen;
      for (const summary of read) {
        found.set(summary.id, summary);
        if (keep) this.#kept.set(summary.id, { summary, until: now.getTime() + this.#maxAgeMs });
      }
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  };
}
