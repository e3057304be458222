import type { ArticleKind } from '../../src/articles/article.table.ts';
import { slugFrom } from '../../src/platform/slugs.ts';
import type { CommentFactory } from './comments.ts';
import type { Dice } from './dice.ts';
import type { Newsroom } from './newsroom.ts';
import { type ArchivePlan, Stage } from './plan.ts';
import { type Batch, emptyBatch } from './tables.ts';
import { distinctDraws, zipfSampler } from './vocabulary.ts';
import type { Writer } from './writer.ts';

/**
 * Articles with everything the app writes beside them when a story is created, published and now
 * and then retitled: bylines and tags in order, a revision per save, the old address of a retitled
 * story, and the search row of everything not a draft.
 */

const hour = 60 * 60 * 1000;
const kinds: readonly ArticleKind[] = ['news', 'analysis', 'opinion', 'review', 'sponsored'];
const kindWeights = [80, 8, 7, 4, 1];
/** How many tags an article has, from one to six. */
const tagCountWeights = [15, 25, 25, 18, 10, 7];
/** Retitled after publication, so their first address answers with a redirect. */
const retitledShare = 0.002;
const photographedShare = 0.7;

export interface ArticleIds {
  readonly articles: number;
  readonly article_revisions: number;
  readonly article_slug_history: number;
}

export class ArticleFactory {
  readonly #dice: Dice;
  readonly #writer: Writer;
  readonly #newsroom: Newsroom;
  readonly #plan: ArchivePlan;
  readonly #comments: CommentFactory;
  /** Every slug in use or remembered: an article's slug is unique across the site, as the app keeps it. */
  readonly #slugs: Set<string>;
  readonly #until: number;
  readonly #section: () => number;
  readonly #tag: () => number;
  readonly #author: () => number;
  readonly #firstArticleId: number;
  #revisionId: number;
  #historyId: number;

  constructor(
    dice: Dice,
    writer: Writer,
    context: { newsroom: Newsroom; plan: ArchivePlan; comments: CommentFactory; takenSlugs: Set<string>; firstIds: ArticleIds; until: Date },
  ) {
    this.#dice = dice;
    this.#writer = writer;
    this.#newsroom = context.newsroom;
    this.#plan = context.plan;
    this.#comments = context.comments;
    this.#slugs = context.takenSlugs;
    this.#until = context.until.getTime();
    this.#section = zipfSampler(this.#newsroom.sections.length, 1, dice.random);
    this.#tag = zipfSampler(this.#newsroom.tags.length, 1, dice.random);
    this.#author = zipfSampler(this.#newsroom.authors.length, 1, dice.random);
    this.#firstArticleId = context.firstIds.articles;
    this.#revisionId = context.firstIds.article_revisions;
    this.#historyId = context.firstIds.article_slug_history;
  }

  /** The id the planned article `index` is stored under. */
  idOf(index: number): number {
    return this.#firstArticleId + index;
  }

  /** The app's own way out of a taken slug: the headline's, then -2, -3 … */
  #claimSlug(headline: string): string {
    const first = slugFrom(headline);
    let slug = first;
    for (let n = 2; this.#slugs.has(slug); n++) slug = `${first.slice(0, 110)}-${n}`;
    this.#slugs.add(slug);
    return slug;
  }

  /** Articles `first` to `first + count - 1` of the plan, with their comments. */
  batch(first: number, count: number): Batch {
    const batch = emptyBatch();
    for (let index = first; index < first + count; index++) this.#article(index, batch);
    return batch;
  }

  #article(index: number, batch: Batch): void {
    const dice = this.#dice;
    const writer = this.#writer;
    const id = this.idOf(index);
    const stage = this.#plan.stages[index]!;
    const time = this.#plan.times[index]!;
    const section = this.#newsroom.sections[this.#section()]!;
    const tags = distinctDraws(dice.weighted(tagCountWeights) + 1, this.#tag).map((rank) => this.#newsroom.tags[rank]!);
    const authors = distinctDraws(dice.chance(0.8) ? 1 : 2, this.#author).map((rank) => this.#newsroom.authors[rank]!);
    const body = writer.body();
    const fields = {
      headline: writer.headline(),
      standfirst: writer.standfirst(),
      dateline: writer.dateline(),
      featuredMediaId: dice.chance(photographedShare) ? dice.pick(this.#newsroom.photoIds) : null,
      kind: kinds[dice.weighted(kindWeights)]!,
    };
    const createdAt =
      stage === Stage.Scheduled ? this.#until - dice.random() * 72 * hour : stage === Stage.Draft ? time : time - hour / 6 - dice.exponential(6 * hour);
    const editedAt = time + hour + dice.exponential(48 * hour);
    const retitled = stage === Stage.Published && editedAt < this.#until && dice.chance(retitledShare);
    const firstHeadline = retitled ? writer.headline() : fields.headline;
    const firstSlug = this.#claimSlug(firstHeadline);
    const slug = retitled ? this.#claimSlug(fields.headline) : firstSlug;
    // Publishing dates the article's last change at its publication (a scheduled one's too); a draft was last saved when written.
    const updatedAt = retitled ? editedAt : time;
    const iso = (ms: number) => new Date(ms).toISOString();
    batch.articles.push({
      id,
      slug,
      section_id: section.id,
      status: stage === Stage.Published ? 'published' : stage === Stage.Draft ? 'draft' : 'scheduled',
      headline: fields.headline,
      standfirst: fields.standfirst,
      dateline: fields.dateline,
      body_html: body.html,
      featured_media_id: fields.featuredMediaId,
      social_image_id: null,
      seo_title: null,
      seo_description: null,
      created_at: iso(createdAt),
      updated_at: iso(updatedAt),
      published_at: stage === Stage.Draft ? null : iso(time),
      created_by: null,
      review_requested_at: null,
      version: retitled ? 2 : 1,
      kind: fields.kind,
      trashed_at: null,
      pinned_at: null,
      comments_open: 1,
      language: null,
    });
    for (const [position, author] of authors.entries()) batch.article_authors.push({ article_id: id, author_id: author.id, position });
    for (const [position, tag] of tags.entries()) batch.article_tags.push({ article_id: id, tag_id: tag.id, position });
    // A revision keeps what the editor saved, in the app's snapshot shape.
    const snapshot = (savedSlug: string, headline: string) =>
      JSON.stringify({
        slug: savedSlug,
        sectionId: section.id,
        headline,
        standfirst: fields.standfirst,
        dateline: fields.dateline,
        bodyHtml: body.html,
        featuredMediaId: fields.featuredMediaId,
        socialImageId: null,
        seoTitle: null,
        seoDescription: null,
        kind: fields.kind,
        language: null,
        authorIds: authors.map((author) => author.id),
        tagIds: tags.map((tag) => tag.id),
      });
    batch.article_revisions.push({
      id: this.#revisionId++,
      article_id: id,
      saved_at: iso(createdAt),
      saved_by: null,
      snapshot: snapshot(firstSlug, firstHeadline),
    });
    if (retitled) {
      batch.article_revisions.push({
        id: this.#revisionId++,
        article_id: id,
        saved_at: iso(editedAt),
        saved_by: null,
        snapshot: snapshot(slug, fields.headline),
      });
      batch.article_slug_history.push({ id: this.#historyId++, article_id: id, section_slug: section.slug, slug: firstSlug, created_at: iso(editedAt) });
    }
    if (stage !== Stage.Draft) {
      batch.article_search.push({
        article_id: id,
        headline: fields.headline,
        standfirst: fields.standfirst,
        body: body.text,
        tags: tags.map((tag) => tag.name).join(' '),
        authors: authors.map((author) => author.name).join(' '),
      });
    }
    const comments = this.#plan.commentCounts[index]!;
    if (comments > 0) for (const row of this.#comments.forArticle(id, time, comments)) batch.comments.push(row);
  }
}
