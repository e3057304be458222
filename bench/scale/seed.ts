import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Config } from '../../src/config.ts';
import { connectFromConfig, type DialectName } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { openMediaFiles } from '../../src/media/index.ts';
import { type ArchiveHighlights, describeArchive } from './archive-report.ts';
import { ArticleFactory, type ArticleIds } from './articles.ts';
import { Commenters } from './commenters.ts';
import { CommentFactory } from './comments.ts';
import { Dice } from './dice.ts';
import { buildNewsroom } from './newsroom.ts';
import { archiveYears, planArchive } from './plan.ts';
import { PostgresCopySink } from './postgres-sink.ts';
import { quietProgress, type SeedProgress } from './progress.ts';
import type { RowSink } from './sink.ts';
import { SqliteInsertSink } from './sqlite-sink.ts';
import { newsVocabulary } from './vocabulary.ts';
import { Writer } from './writer.ts';

export interface ScaleOptions {
  readonly articles: number;
  readonly comments: number;
  readonly seed: number;
  /** The archive ends here: the newest story, the last comment; scheduled stories come after it. */
  readonly until: Date;
  /** Add to a database that has articles already, rather than refuse. */
  readonly append: boolean;
  /** PostgreSQL connections loading at once. */
  readonly connections: number;
  readonly photos: number;
  readonly tags: number;
  readonly authors: number;
  /** Where drawn photos are kept for the next run; without it they are drawn afresh. */
  readonly photoCacheDir?: string;
  readonly progress?: SeedProgress;
}

export interface ScaleReport {
  readonly dialect: DialectName;
  readonly tables: readonly { table: string; rows: number; seconds: number }[];
  readonly totalRows: number;
  /** Migrating and storing the sections, tags, authors and photos, before the first article. */
  readonly preparingSeconds: number;
  /** Writing the rows in this process, apart from loading them. */
  readonly generatingSeconds: number;
  readonly maintenance: { readonly what: string; readonly seconds: number };
  readonly seconds: number;
  readonly articleIds: { readonly first: number; readonly last: number };
  readonly highlights: ArchiveHighlights;
}

/** Thrown, before anything is written, when the newsroom has articles and `append` was not asked for. */
export class ArchiveNotEmptyError extends Error {
  constructor(readonly articles: number) {
    super(
      `The database already holds ${articles.toLocaleString('en')} articles; seed:scale adds to a newsroom only when given --append (it never deletes anything).`,
    );
  }
}

/** Articles a batch holds: each batch is one transaction. */
const batchArticles = 500;

async function nextIds(db: Kysely<Database>): Promise<ArticleIds & { readonly comments: number }> {
  const next = async (table: 'articles' | 'article_revisions' | 'article_slug_history' | 'comments') =>
    Number((await db.selectFrom(table).select(sql<number | string | null>`max(id)`.as('id')).executeTakeFirstOrThrow()).id ?? 0) + 1;
  return {
    articles: await next('articles'),
    article_revisions: await next('article_revisions'),
    article_slug_history: await next('article_slug_history'),
    comments: await next('comments'),
  };
}

/** Every slug an article holds or once held: a new article takes none of them. */
async function takenSlugs(db: Kysely<Database>): Promise<Set<string>> {
  const slugs = new Set<string>();
  for (const row of await db.selectFrom('articles').select('slug').execute()) slugs.add(row.slug);
  for (const row of await db.selectFrom('article_slug_history').select('slug').execute()) slugs.add(row.slug);
  return slugs;
}

/** Whom moderators trusted and what their approvals taught the filter, as the app records both. */
async function storeModeration(db: Kysely<Database>, commenters: Commenters, sink: RowSink): Promise<void> {
  const trusted = commenters.trusted();
  await sink.loaded.time('commenters', trusted.length, async () => {
    for (let start = 0; start < trusted.length; start += 1000) {
      await db
        .insertInto('commenters')
        .values(trusted.slice(start, start + 1000))
        .onConflict((oc) => oc.column('email').doUpdateSet((eb) => ({ trusted_at: eb.ref('excluded.trusted_at') })))
        .execute();
    }
  });
  const { tokens, hamDocuments } = commenters.lessons();
  await sink.loaded.time('spam_tokens', tokens.length, async () => {
    for (let start = 0; start < tokens.length; start += 1000) {
      await db
        .insertInto('spam_tokens')
        .values(tokens.slice(start, start + 1000))
        .onConflict((oc) => oc.column('token').doUpdateSet({ ham_count: sql`spam_tokens.ham_count + excluded.ham_count` }))
        .execute();
    }
    await db
      .updateTable('spam_totals')
      .set({ ham_documents: sql`ham_documents + ${hamDocuments}` })
      .where('id', '=', 1)
      .execute();
  });
}

/**
 * Fills the database the app is configured for (and its media store) with an archive of
 * `options.articles` articles and about `options.comments` comments, after the app's migrations.
 *
 * @example
 * const report = await seedScale(loadConfig(), { articles: 100_000, comments: 1_000_000, seed: 2026, until: new Date(), … });
 * console.log(report.highlights.mostCommented?.path);
 */
export async function seedScale(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'mediaStore'>, options: ScaleOptions): Promise<ScaleReport> {
  const started = performance.now();
  const progress = options.progress ?? quietProgress;
  const database = connectFromConfig(config);
  try {
    const { db } = database;
    await migrateToLatest(db);
    const existing = Number((await db.selectFrom('articles').select(sql<number | string>`count(*)`.as('count')).executeTakeFirstOrThrow()).count);
    if (existing > 0 && !options.append) throw new ArchiveNotEmptyError(existing);

    const dice = new Dice(options.seed);
    const writer = new Writer(dice, newsVocabulary());
    const files = await openMediaFiles(config.dataDir, config.mediaStore);
    // The photos were in the library before the archive's first story.
    const photosAddedAt = new Date(options.until.getTime() - archiveYears * 365.25 * 24 * 60 * 60 * 1000);
    const newsroomDeps = { db, files, now: photosAddedAt, ...(options.photoCacheDir ? { photoCacheDir: options.photoCacheDir } : {}) };
    const newsroom = await buildNewsroom(newsroomDeps, dice, writer, options);
    const preparingSeconds = (performance.now() - started) / 1000;
    const firstIds = await nextIds(db);
    const plan = planArchive(dice, options, options.until);
    const commenters = new Commenters(dice, writer, options.comments);
    const comments = new CommentFactory(dice, writer, commenters, { firstId: firstIds.comments, until: options.until });
    const articles = new ArticleFactory(dice, writer, { newsroom, plan, comments, takenSlugs: await takenSlugs(db), firstIds, until: options.until });

    // SQLite: the file connectFromConfig opens.
    const sink: RowSink =
      database.dialect === 'postgres'
        ? await PostgresCopySink.open(config.databaseUrl!, options.connections)
        : new SqliteInsertSink(join(config.dataDir, 'gazette.sqlite'));
    let generatingSeconds = 0;
    try {
      const commentCount = plan.commentCounts.reduce((sum, count) => sum + count, 0);
      // One revision an article, two for a retitled one, which also keeps one old address.
      await sink.reserveIds({
        articles: firstIds.articles + options.articles - 1,
        article_revisions: firstIds.article_revisions + 2 * options.articles - 1,
        article_slug_history: firstIds.article_slug_history + options.articles - 1,
        ...(commentCount > 0 ? { comments: firstIds.comments + commentCount - 1 } : {}),
      });
      progress.start(options.articles, commentCount);
      for (let first = 0; first < options.articles; first += batchArticles) {
        const writing = performance.now();
        const batch = articles.batch(first, Math.min(batchArticles, options.articles - first));
        generatingSeconds += (performance.now() - writing) / 1000;
        await sink.load(batch);
        progress.advance(batch.articles.length, batch.comments.length);
      }
      await storeModeration(db, commenters, sink);
      await sink.finish();
    } finally {
      progress.stop();
      await sink.close();
    }
    return {
      dialect: database.dialect,
      tables: sink.loaded.tables,
      totalRows: sink.loaded.totalRows,
      preparingSeconds,
      generatingSeconds,
      maintenance: sink.maintenance,
      seconds: (performance.now() - started) / 1000,
      articleIds: { first: articles.idOf(0), last: articles.idOf(options.articles - 1) },
      highlights: await describeArchive(db, options.until),
    };
  } finally {
    await database.destroy();
  }
}
