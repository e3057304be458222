import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { preparedQuery } from '../db/prepared-queries.ts';
import { toDate, toTimestamp } from '../db/row-values.ts';
import type { ArticleSummary } from './article.ts';
import { publishedAsOf } from './article-rows.queries.ts';
import { listPublishedSummariesByIds } from './articles.queries.ts';
import type { SummariesByIds } from './kept-summaries.ts';
import type { ContentChanges } from '../platform/content-changes.ts';
import { KeptUntilListsChange } from '../platform/kept-until-lists-change.ts';

/** What the home page shows: its lead, then each section's newest stories without the lead. */
export interface HomeStories {
  readonly lead: ArticleSummary | undefined;
  /** By section id, newest first; a section with no story has an empty list. */
  readonly bySection: ReadonlyMap<number, readonly ArticleSummary[]>;
}

/** Which part of the home page's statement a row came from. */
const part = { pinned: 1, newest: 2, section: 3 } as const;

/**
 * Every id the home page may show, in one statement: the published article pinned last, the newest
 * one (the lead when none is pinned) and a top-N of each section, each part read from its own index
 * and joined with UNION ALL. Each section gives one story more than it shows, so that the lead can
 * be left out afterwards without a second statement; their times put each section in order.
 */
function storyIdsQuery(db: Db, asOf: string, sectionIds: readonly number[], perSection: number | undefined) {
  const published = db.selectFrom('articles').where(publishedAsOf(asOf));
  const pinned = published
    .where('articles.trashed_at', 'is', null)
    .where('articles.pinned_at', 'is not', null)
    .select(['articles.id', 'articles.section_id', 'articles.published_at', sql.lit<number>(part.pinned).as('part')])
    .orderBy('articles.pinned_at', 'desc')
    .limit(1);
  const newest = published
    .select(['articles.id', 'articles.section_id', 'articles.published_at', sql.lit<number>(part.newest).as('part')])
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(1);
  // SQLite takes no ORDER BY or LIMIT on a part of a compound select: each part is a subquery of its own.
  let ids = db
    .selectFrom(pinned.as('pinned'))
    .select(['id', 'section_id', 'published_at', 'part'])
    .unionAll(db.selectFrom(newest.as('newest')).select(['id', 'section_id', 'published_at', 'part']));
  sectionIds.forEach((sectionId, index) => {
    const inSection = published
      .where('articles.section_id', '=', sectionId)
      .select(['articles.id', 'articles.section_id', 'articles.published_at', sql.lit<number>(part.section).as('part')])
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(perSection ?? 0);
    ids = ids.unionAll(db.selectFrom(inSection.as(`newest_${index}`)).select(['id', 'section_id', 'published_at', 'part']));
  });
  return ids;
}

const homeStoryIds = preparedQuery((db, asOf: string, sectionIds: readonly number[], perSection: number) => storyIdsQuery(db, asOf, sectionIds, perSection));
/** A newsroom with no section yet: only the lead. */
const leadIds = preparedQuery((db, asOf: string) => storyIdsQuery(db, asOf, [], undefined));

/** One row of the home page's ids: which part of the statement found it, with its time to order sections by. */
interface FoundStory {
  readonly id: number;
  readonly sectionId: number | null;
  readonly part: number;
  readonly publishedAt: number;
}

/**
 * The ids home shows, kept until a change announces a list (pinning announces one too) or for 60 s, within
 * which a story that goes live by the clock alone shows: an approved comment, the usual reason home is
 * rendered again, changes none of them. Keyed by the sections asked for.
 */
export type KeptHomeStoryIds = KeptUntilListsChange<readonly FoundStory[]>;

export function keepHomeStoryIds(changes: ContentChanges): KeptHomeStoryIds {
  return new KeptUntilListsChange(changes, { most: 8 });
}

async function findHomeStories(db: Db, asOf: string, sectionIds: readonly number[], perSection: number): Promise<FoundStory[]> {
  const rows = await (sectionIds.length > 0 ? homeStoryIds(db, asOf, sectionIds, perSection + 1) : leadIds(db, asOf));
  return rows.map((row) => ({ id: row.id, sectionId: row.section_id, part: Number(row.part), publishedAt: toDate(row.published_at ?? asOf).getTime() }));
}

/**
 * The home page's stories in three statements (their ids, then the rows and bylines of those it shows), where
 * reading the lead and the sections apart took eight; the ids from `kept` and the teasers from `summaries`
 * when given. The lead is the article an editor pinned last while it is published, otherwise the newest;
 * each section lists its `perSection` newest after leaving the lead out.
 */
export async function listHomeStories(
  db: Db,
  options: { sectionIds: readonly number[]; now: Date; perSection: number; summaries?: SummariesByIds; kept?: KeptHomeStoryIds },
): Promise<HomeStories> {
  const asOf = toTimestamp(options.now);
  const find = () => findHomeStories(db, asOf, options.sectionIds, options.perSection);
  const found = options.kept ? await options.kept.get(`${options.perSection} ${options.sectionIds.join(',')}`, options.now, find) : await find();
  const leadId = (found.find((row) => row.part === part.pinned) ?? found.find((row) => row.part === part.newest))?.id;
  const idsBySection = new Map<number, FoundStory[]>(options.sectionIds.map((id) => [id, []]));
  for (const row of found) if (row.part === part.section && row.sectionId !== null && row.id !== leadId) idsBySection.get(row.sectionId)?.push(row);
  // UNION ALL promises no order across its parts' rows: each section is put in order here.
  for (const list of idsBySection.values()) {
    list.sort((a, b) => b.publishedAt - a.publishedAt || b.id - a.id);
    list.splice(options.perSection);
  }
  // Only the stories shown are read whole.
  const shownIds = [...(leadId === undefined ? [] : [leadId]), ...[...idsBySection.values()].flatMap((list) => list.map((row) => row.id))];
  const readSummaries = options.summaries ?? listPublishedSummariesByIds;
  const summaries = new Map((await readSummaries(db, shownIds, options.now)).map((summary) => [summary.id, summary]));
  return {
    lead: leadId === undefined ? undefined : summaries.get(leadId),
    bySection: new Map([...idsBySection].map(([sectionId, list]) => [sectionId, list.flatMap((row) => summaries.get(row.id) ?? [])])),
  };
}
