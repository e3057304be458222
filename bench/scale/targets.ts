import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { seededRandom } from '../seeded-random.ts';

/** The pages of a big archive worth timing: its largest collections, its most-read thread, its search. */
export interface ScaleTargets {
  readonly articleCount: number;
  readonly commentCount: number;
  /** Paths of a few hundred ordinary published articles. */
  readonly articlePaths: readonly string[];
  readonly mostCommented: { readonly path: string; readonly approvedComments: number };
  readonly biggestSection: { readonly slug: string; readonly id: number; readonly articles: number };
  readonly biggestTag: { readonly slug: string; readonly name: string; readonly articles: number };
  readonly biggestAuthor: { readonly slug: string; readonly id: number; readonly articles: number };
  /** 1,000 searches of one to three words taken from headlines, as readers type them. */
  readonly searches: readonly string[];
}

async function largest(db: Db, table: 'sections' | 'tags' | 'authors', joined: ReturnType<typeof sql>) {
  const { rows } = await sql<{ id: number; slug: string; name: string; articles: string | number }>`
    select t.id, t.slug, t.name, c.articles from (${joined}) c join ${sql.table(table)} t on t.id = c.owner
    order by c.articles desc limit 1`.execute(db);
  const row = rows[0];
  if (!row) throw new Error(`No ${table} with published articles: run npm run seed:scale first`);
  return { id: row.id, slug: row.slug, name: row.name, articles: Number(row.articles) };
}

/** Found with a few aggregate queries (seconds on a million articles), before any timing starts. */
export async function findScaleTargets(db: Db): Promise<ScaleTargets> {
  const counted = await sql<{ articles: string | number; comments: string | number }>`
    select (select count(*) from articles where status = 'published') as articles, (select count(*) from comments) as comments`.execute(db);
  const articleCount = Number(counted.rows[0]!.articles);
  if (articleCount === 0) throw new Error('The database has no published articles: run npm run seed:scale first');

  const biggestSection = await largest(
    db,
    'sections',
    sql`select section_id as owner, count(*) as articles from articles where status = 'published' and section_id is not null group by section_id`,
  );
  const biggestTag = await largest(
    db,
    'tags',
    sql`select at.tag_id as owner, count(*) as articles from article_tags at join articles a on a.id = at.article_id where a.status = 'published' group by at.tag_id`,
  );
  const biggestAuthor = await largest(
    db,
    'authors',
    sql`select aa.author_id as owner, count(*) as articles from article_authors aa join articles a on a.id = aa.article_id where a.status = 'published' group by aa.author_id`,
  );

  const commented = await sql<{ path: string; approved: string | number }>`
    select '/' || s.slug || '/' || a.slug as path, c.approved from (
      select article_id, count(*) as approved from comments where status = 'approved' group by article_id order by approved desc limit 1
    ) c join articles a on a.id = c.article_id join sections s on s.id = a.section_id`.execute(db);
  const mostCommented = commented.rows[0];
  if (!mostCommented) throw new Error('No article has approved comments: seed with --comments');

  // Evenly spread over the ids, so old and new articles are both read.
  const { rows: bounds } = await sql<{ low: number; high: number }>`select min(id) as low, max(id) as high from articles`.execute(db);
  const random = seededRandom(15);
  const ids = Array.from({ length: 400 }, () => Math.floor(bounds[0]!.low + random() * (bounds[0]!.high - bounds[0]!.low)));
  const { rows: sampled } = await sql<{ path: string; headline: string }>`
    select '/' || s.slug || '/' || a.slug as path, a.headline from articles a join sections s on s.id = a.section_id
    where a.status = 'published' and a.id in (${sql.join(ids)})`.execute(db);

  const words = sampled.flatMap((row) => row.headline.toLowerCase().match(/\p{L}{4,}/gu) ?? []);
  const searches = Array.from({ length: 1000 }, () => {
    const count = 1 + Math.floor(random() * 3);
    return Array.from({ length: count }, () => words[Math.floor(random() * words.length)]!).join(' ');
  });

  return {
    articleCount,
    commentCount: Number(counted.rows[0]!.comments),
    articlePaths: sampled.map((row) => row.path),
    mostCommented: { path: mostCommented.path, approvedComments: Number(mostCommented.approved) },
    biggestSection,
    biggestTag,
    biggestAuthor,
    searches,
  };
}
