import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '../db/connect.ts';
import { ContentChanges } from '../platform/content-changes.ts';
import { createTestDatabase, forEachDialect, insertTestUser } from '../../test/helpers/databases.ts';
import { createArticle } from './articles.service.ts';
import { findWorkingPreviewLink, insertPreviewLink, listWorkingPreviewLinks, revokePreviewLink } from './preview-links.queries.ts';
import { createPreviewLink, findSharedPreview } from './preview-links.ts';
import { trashArticle } from './trash.service.ts';

const t0 = new Date('2026-12-07T10:00:00.000Z');
const minutesLater = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

forEachDialect('preview links', (dialect) => {
  let database: DatabaseHandle;
  let userId: number;
  const deps = (now = t0) => ({ db: database.db, clock: { now: () => now }, changes: new ContentChanges() });
  const newArticle = async (headline: string) =>
    (await createArticle(deps(), { headline, sectionId: null, authorIds: [], tagIds: [] }, { actorId: userId })).id;
  const link = (articleId: number, tokenHash: string, expiresAt: Date) =>
    insertPreviewLink(database.db, { articleId, tokenHash, createdBy: userId, createdAt: t0, expiresAt });

  before(async () => {
    database = await createTestDatabase(dialect);
    userId = await insertTestUser(database.db, { email: 'mina@example.org', name: 'Mina Park', role: 'editor' }, t0);
  });
  after(() => database.destroy());

  test('a link works until it expires, and is found only by its exact hash', async () => {
    const articleId = await newArticle('Harbour reopens');
    await link(articleId, 'hash-a', minutesLater(60));
    assert.deepEqual(await findWorkingPreviewLink(database.db, 'hash-a', minutesLater(59)), { articleId, expiresAt: minutesLater(60) });
    assert.equal(await findWorkingPreviewLink(database.db, 'hash-a', minutesLater(60)), undefined, 'expired at its expiry time');
    assert.equal(await findWorkingPreviewLink(database.db, 'HASH-A', t0), undefined);
    assert.equal(await findWorkingPreviewLink(database.db, "hash-a' or '1'='1", t0), undefined);
  });

  test("an article's working links are listed soonest-expiring first, with who made them; revoking is scoped to the article", async () => {
    const articleId = await newArticle('Bridge tolls');
    const other = await newArticle('Other story');
    const later = await link(articleId, 'hash-later', minutesLater(600));
    const sooner = await link(articleId, 'hash-sooner', minutesLater(60));
    await link(articleId, 'hash-expired', minutesLater(5));
    await link(other, 'hash-other', minutesLater(60));
    const listed = await listWorkingPreviewLinks(database.db, articleId, minutesLater(10));
    assert.deepEqual(
      listed.map((row) => [row.id, row.expiresAt.toISOString(), row.createdAt.toISOString(), row.createdByName]),
      [
        [sooner, minutesLater(60).toISOString(), t0.toISOString(), 'Mina Park'],
        [later, minutesLater(600).toISOString(), t0.toISOString(), 'Mina Park'],
      ],
    );
    assert.equal(await revokePreviewLink(database.db, other, sooner, t0), false, "another article's link is not touched");
    assert.equal(await revokePreviewLink(database.db, articleId, sooner, t0), true);
    assert.equal(await revokePreviewLink(database.db, articleId, sooner, t0), false, 'revoked once');
    assert.equal(await findWorkingPreviewLink(database.db, 'hash-sooner', t0), undefined);
    assert.deepEqual(
      (await listWorkingPreviewLinks(database.db, articleId, minutesLater(10))).map((row) => row.id),
      [later],
    );
  });

  test('a token hash is unique', async () => {
    const articleId = await newArticle('Duplicate');
    await link(articleId, 'hash-once', minutesLater(60));
    await assert.rejects(link(articleId, 'hash-once', minutesLater(60)));
  });

  test('a created token opens its article, hashed at rest; malformed tokens and trashed articles open nothing', async () => {
    const articleId = await newArticle('Island school');
    const { token, expiresAt } = await createPreviewLink(deps(), articleId, userId, '1h');
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(expiresAt, minutesLater(60));
    const stored = await database.db.selectFrom('preview_links').select('token_hash').where('article_id', '=', articleId).execute();
    assert.equal(stored.length, 1);
    assert.notEqual(stored[0]!.token_hash, token);
    assert.equal((await findSharedPreview(database.db, token, minutesLater(30)))?.article.headline, 'Island school');
    for (const malformed of [`${token}x`, token.slice(1), `${token.slice(0, 42)}=`, '']) {
      assert.equal(await findSharedPreview(database.db, malformed, t0), undefined, malformed);
    }
    await trashArticle(deps(), articleId);
    assert.equal(await findSharedPreview(database.db, token, minutesLater(30)), undefined);
  });
});
