import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { createArticle, publishArticle } from '../articles/index.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { translator } from '../i18n/index.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createSection } from '../sections/index.ts';
import { defaultCommentPolicy } from '../settings/comment-policy.ts';
import { defaultSiteSettings } from '../settings/site-settings.ts';
import { testCommentRow } from '../../test/helpers/comment-rows.ts';
import { createTestDatabase, forEachDialect } from '../../test/helpers/databases.ts';
import type { CommentStatus } from './comment.table.ts';
import { type CommentLayoutReader, readCommentLayout, readWholeOutline } from './comment-layouts.ts';
import { type CommentableArticleView, type CommentSectionRequest, CommentSections, type LoadedCommentSection, type ShownComments } from './comment-sections.ts';
import { KeptCommentPages } from './kept-comment-pages.ts';
import { CommentSigner } from './comment-signing.ts';
import { insertComment } from './comments.queries.ts';

// The article page reads a page of comments from the database (counts, one page's threads, a reply's
// place) unless the reader has pending comments of their own. Whatever it reads, the reader must see
// what threading the whole outline in memory shows: these random threads check that on every view.

const t0 = new Date('2026-11-20T10:00:00.000Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const now = minutes(600);
const words = translator('en');

/** A small seeded generator (mulberry32), so a failing tree can be built again from its seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface StoredComment {
  readonly id: number;
  readonly status: CommentStatus;
  /** Depth in the stored tree, whatever the statuses above it. */
  readonly depth: number;
}

/** What two loads must agree on: everything the section renders and its JSON-LD (the translator and page links taken apart). */
function comparable(loaded: LoadedCommentSection) {
  const { words: _words, pages, ...view } = loaded.view;
  return {
    ...view,
    pages: pages && { current: pages.current, count: pages.count, urls: Array.from({ length: pages.count }, (_, index) => pages.url(index + 1)) },
    jsonLd: loaded.jsonLd,
    freshUntil: loaded.freshUntil?.toISOString(),
  };
}

/** A handle on the database that counts the queries run through it and the rows they bring into Node. */
function countingReads(db: Db) {
  const read = { queries: 0, rows: 0 };
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      read.queries++;
      return args.node;
    },
    transformResult: async (args) => {
      read.rows += args.result.rows.length;
      return args.result;
    },
  };
  return {
    db: db.withPlugin(counting),
    measure: async (run: () => Promise<unknown>) => {
      read.queries = 0;
      read.rows = 0;
      await run();
      return { ...read };
    },
  };
}

function countShown(nodes: LoadedCommentSection['view']['threads']): number {
  return nodes.reduce((sum, node) => sum + 1 + countShown(node.replies), 0);
}

forEachDialect('comment pages read in the database', (dialect) => {
  let database: DatabaseHandle;
  let sectionId: number;
  let signer: CommentSigner;
  let articles = 0;

  before(async () => {
    database = await createTestDatabase(dialect);
    sectionId = (await createSection(database.db, { name: 'World', position: 0 })).id;
    signer = await CommentSigner.load(database.db);
  });
  after(() => database.destroy());

  const newArticle = async (commentsOpen = true): Promise<CommentableArticleView> => {
    const deps = { db: database.db, clock: { now: () => t0 }, changes: new ContentChanges() };
    const article = await createArticle(deps, { headline: `Harbour story ${++articles}`, sectionId, authorIds: [], tagIds: [] });
    await publishArticle(deps, article.id, minutes(-60));
    return { id: article.id, path: `/world/${article.slug}`, publishedAt: minutes(-60), commentsOpen };
  };

  const store = (articleId: number, row: { parentId: number | null; status: CommentStatus; createdAt: Date; body?: string }) =>
    insertComment(database.db, testCommentRow({ articleId, ...row }));

  /**
   * A random tree: about a third of the comments start threads, the rest answer an earlier one down
   * to depth 4; a quarter are held or thrown out, so many replies hang under comments readers do not
   * see. Times repeat (many comments share a minute) and a reply may be older than its parent.
   */
  const randomTree = async (articleId: number, random: () => number, size: number): Promise<StoredComment[]> => {
    const stored: StoredComment[] = [];
    const statuses: CommentStatus[] = ['approved', 'approved', 'approved', 'approved', 'approved', 'approved', 'pending', 'spam', 'trash'];
    for (let i = 0; i < size; i++) {
      const parents = stored.filter((comment) => comment.depth < 4);
      const parent = random() < 0.35 || parents.length === 0 ? undefined : parents[Math.floor(random() * parents.length)];
      const status = statuses[Math.floor(random() * statuses.length)]!;
      const createdAt = minutes(Math.floor(random() * (size / 4)));
      const id = await store(articleId, { parentId: parent?.id ?? null, status, createdAt, body: `Comment ${i}.` });
      stored.push({ id, status, depth: (parent?.depth ?? 0) + 1 });
    }
    return stored;
  };

  const sections = (perPage: number, readLayout: CommentLayoutReader, db: Db = database.db, keptPages?: KeptCommentPages<ShownComments>) =>
    new CommentSections(
      db,
      signer,
      { current: () => ({ ...defaultSiteSettings, comments: { ...defaultCommentPolicy, perPage, maxDepth: 3 } }) },
      'https://news.example',
      readLayout,
      keptPages,
    );

  /** Comments to ask a reply form for: approved ones at each stored depth and a few more, held ones, an unknown one, another article's. */
  const replyCandidates = (tree: readonly StoredComment[], random: () => number, elsewhere: number): number[] => {
    const approved = tree.filter((comment) => comment.status === 'approved');
    const atEachDepth = [1, 2, 3, 4].flatMap((depth) => approved.filter((comment) => comment.depth === depth).slice(0, 2));
    const someMore = Array.from({ length: 4 }, () => approved[Math.floor(random() * approved.length)]!);
    const held = (['pending', 'spam', 'trash'] as const).flatMap((status) => tree.filter((comment) => comment.status === status).slice(0, 1));
    return [...atEachDepth, ...someMore, ...held].map((comment) => comment.id).concat(999_999, elsewhere);
  };

  test('every view of random threads, paged in the database, is the view the whole outline gives', async () => {
    const seen = { views: 0, replyForms: 0, pastTheLast: 0, manyPages: 0, depth4: 0 };
    // The trees are stored first, one after another: each asks for a reply form to a comment of the one before.
    const cases: { seed: number; article: CommentableArticleView; replyTos: number[] }[] = [];
    let elsewhere = 999_998;
    for (const seed of [1, 2, 3]) {
      const random = seeded(seed);
      const article = await newArticle(seed !== 3);
      const tree = await randomTree(article.id, random, 240);
      seen.depth4 += tree.filter((comment) => comment.depth === 4 && comment.status === 'approved').length;
      cases.push({ seed, article, replyTos: replyCandidates(tree, random, elsewhere) });
      elsewhere = tree.find((comment) => comment.status === 'approved')!.id;
    }
    // Then every view of them is compared, the views of each tree, page size and order alongside the
    // others': they only read, and on PostgreSQL most of the time is round trips the pool can overlap.
    const compareViews = async ({ seed, article, replyTos }: (typeof cases)[number], perPage: number, order: 'oldest' | 'newest') => {
      // Each view draws its random pages from a sequence of its own, the same whatever order the views run in.
      const random = seeded(seed * 100 + perPage + (order === 'oldest' ? 0 : 1));
      const paged = sections(perPage, readCommentLayout);
      const whole = sections(perPage, readWholeOutline);
      // Pages kept between loads: a reply form's view shares its page's kept comments with the plain view.
      const kept = sections(perPage, readCommentLayout, database.db, new KeptCommentPages(new ContentChanges()));
      const same = async (request: CommentSectionRequest) => {
        const context = JSON.stringify({ seed, perPage, order, ...request });
        const expectedView = await whole.canonicalView(article, request, now);
        assert.deepEqual(await paged.canonicalView(article, request, now), expectedView, `canonicalView ${context}`);
        const expected = comparable(await whole.load(article, request, now, words));
        assert.deepEqual(comparable(await paged.load(article, request, now, words)), expected, `load ${context}`);
        for (const time of ['first', 'again'])
          assert.deepEqual(comparable(await kept.load(article, request, now, words)), expected, `load kept, ${time}: ${context}`);
        seen.views++;
        if (expected.form?.replyTo) seen.replyForms++;
        if (expected.pages && request.page !== undefined && request.page > expected.pages.count) seen.pastTheLast++;
        return expected;
      };
      const first = await same({ order });
      const pageCount = first.pages?.count ?? 1;
      if (pageCount > 2) seen.manyPages++;
      for (let page = 1; page <= pageCount + 1; page++) await same({ order, page });
      for (const replyTo of replyTos) {
        await same({ order, replyTo });
        await same({ order, replyTo, page: 1 + Math.floor(random() * (pageCount + 1)) });
      }
    };
    await Promise.all(
      cases.map(async (treeCase) => {
        for (const perPage of [5, 9, 50]) await Promise.all((['oldest', 'newest'] as const).map((order) => compareViews(treeCase, perPage, order)));
      }),
    );
    // The trees must have shown what they are for, or the agreement above proves little.
    assert.ok(seen.replyForms > 20 && seen.pastTheLast > 5 && seen.manyPages > 5 && seen.depth4 > 0, JSON.stringify(seen));
  });

  test('a reader with pending comments of their own is shown them, threaded with the whole outline, which is read for them alone', async () => {
    const article = await newArticle();
    const first = await store(article.id, { parentId: null, status: 'approved', createdAt: minutes(1) });
    const mine = await store(article.id, { parentId: first, status: 'pending', createdAt: minutes(2), body: 'Mine, waiting.' });
    const answer = await store(article.id, { parentId: mine, status: 'approved', createdAt: minutes(3) });
    const ownTopLevel = await store(article.id, { parentId: null, status: 'pending', createdAt: minutes(4) });
    for (let i = 0; i < 20; i++) await store(article.id, { parentId: null, status: 'approved', createdAt: minutes(10 + i) });
    const { db, measure } = countingReads(database.db);
    const section = sections(5, readCommentLayout, db);
    const shape = (nodes: LoadedCommentSection['view']['threads']): unknown[] => nodes.map((node) => [node.id, node.pending, shape(node.replies)]);
    const request = { ownCommentIds: [mine, ownTopLevel] };
    let loaded: LoadedCommentSection | undefined;
    const theirs = await measure(async () => {
      loaded = await section.load(article, request, now, words);
    });
    assert.deepEqual(shape(loaded!.view.threads).slice(0, 2), [
      [first, false, [[mine, true, [[answer, false, []]]]]],
      [ownTopLevel, true, []],
    ]);
    assert.equal(loaded!.view.count, 22, 'pending comments are not counted');
    assert.deepEqual(loaded!.view.pages?.count, 5, 'their own top-level comment is a thread of its own');
    assert.deepEqual(comparable(await sections(5, readWholeOutline).load(article, request, now, words)), comparable(loaded!));
    const keptForEveryone = sections(5, readCommentLayout, database.db, new KeptCommentPages(new ContentChanges()));
    await keptForEveryone.load(article, {}, now, words);
    assert.deepEqual(comparable(await keptForEveryone.load(article, request, now, words)), comparable(loaded!), 'not the page kept for everyone else');
    // Their pending ones (2 rows), the whole outline (24), the page's comments whole (7: five threads, two replies).
    assert.deepEqual(theirs, { queries: 3, rows: 2 + 24 + 7 });

    const others = await measure(async () => {
      loaded = await section.load(article, {}, now, words);
    });
    assert.deepEqual(shape(loaded!.view.threads).slice(0, 2), [
      [first, false, []],
      [answer, false, []],
    ]);
    // The counts (1 row), then the page's comments whole (5), found and read in one statement.
    assert.deepEqual(others, { queries: 2, rows: 1 + 5 });
  });

  test('a page of a large comment section brings only its own threads into Node', async () => {
    const article = await newArticle();
    const tree = await randomTree(article.id, seeded(7), 300);
    const { db, measure } = countingReads(database.db);
    const paged = sections(5, readCommentLayout, db);
    const approvedIds = tree.filter((comment) => comment.status === 'approved').map((comment) => comment.id);
    let shown = 0;
    const later = await measure(async () => {
      shown = countShown((await paged.load(article, { page: 3 }, now, words)).view.threads);
    });
    // The counts, then the page's comments whole, found and read in one statement.
    assert.deepEqual(later, { queries: 2, rows: 1 + shown });
    assert.ok(shown < approvedIds.length / 4, `${shown} of ${approvedIds.length}`);
    const replyTo = approvedIds.at(-1)!;
    assert.deepEqual(await measure(() => paged.canonicalView(article, { replyTo }, now)), { queries: 2, rows: 2 }, 'the counts, and the reply’s place');
    assert.equal((await measure(() => paged.load(article, { replyTo }, now, words))).queries, 3);
  });
});
