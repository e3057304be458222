import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type ArticleDeps, createArticle, publishArticle, updateArticle } from '../../src/articles/index.ts';
import { insertComment } from '../../src/comments/comments.queries.ts';
import { ContentChanges, contentTags } from '../../src/platform/content-changes.ts';
import { findOrCreateTag } from '../../src/tags/index.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';

let gazette: TestGazette;
let deps: ArticleDeps;
let world: number;
let culture: number;

before(async () => {
  gazette = await buildTestApp();
  deps = { db: gazette.database.db, clock: gazette.site.clock, changes: gazette.changes };
  const sectionId = async (slug: string) =>
    (await gazette.database.db.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  world = await sectionId('world');
  culture = await sectionId('culture');
});
after(() => gazette.close());

const hoursAgo = (hours: number) => new Date(testNow.getTime() - hours * 3_600_000);
const tag = async (name: string) => (await findOrCreateTag(gazette.database.db, { name })).id;

async function publish(headline: string, sectionId: number, tagIds: number[], hours: number) {
  const article = await createArticle(deps, { headline, bodyHtml: '<p>Text.</p>', sectionId, authorIds: [], tagIds });
  return publishArticle(deps, article.id, hoursAgo(hours));
}

async function relatedOf(path: string): Promise<string[]> {
  const { body } = await gazette.app.inject({ url: path });
  const aside = body.slice(body.indexOf('<aside class="related"'), body.indexOf('</aside>'));
  return [...aside.matchAll(/<h3 class="story-card__headline"><a href="[^"]+">([^<]+)<\/a>/g)].map((match) => match[1]!);
}

test('related stories are ranked by shared tags and by how alike their headlines are, and follow new publications', async () => {
  const [lighthouses, ferries] = [await tag('Lighthouses'), await tag('Ferries')];
  const subject = await publish('Lighthouse keepers vote to strike over ferry cuts', culture, [lighthouses, ferries], 1);
  await publish('Two tags in common, but old', world, [lighthouses, ferries], 300);
  await publish('Ferry timetable changes', world, [ferries], 2);
  await publish('Lighthouse keepers strike vote', culture, [], 50);
  await publish('Opera season announced', culture, [], 3);
  await publish('Unrelated story elsewhere', world, [], 1);
  const path = `/culture/${subject.slug}`;

  // Two shared tags (2), a near-identical headline in the section (0 tags + 2 × 0.82), one shared tag (1 + 2 × 0.24).
  assert.deepEqual(await relatedOf(path), ['Two tags in common, but old', 'Lighthouse keepers strike vote', 'Ferry timetable changes']);
  assert.ok(gazette.pages.get(path), 'the page is cached');

  await publish('Lighthouse and ferry crews join the strike', world, [lighthouses, ferries], 0.5);
  assert.equal(gazette.pages.get(path), undefined, 'a new story sharing a tag drops the page');
  assert.equal((await relatedOf(path))[0], 'Lighthouse and ferry crews join the strike');

  await relatedOf(path);
  const neighbour = await publish('Lighthouse keepers vote to strike over ferry cuts, again', culture, [], 0.2);
  assert.equal(gazette.pages.get(path), undefined, 'a new story in the section drops the page');
  assert.ok((await relatedOf(path)).includes(neighbour.headline));

  await updateArticle(deps, neighbour.id, {
    headline: 'Keepers’ vote: the next steps',
    bodyHtml: '<p>Text.</p>',
    sectionId: culture,
    authorIds: [],
    tagIds: [],
  });
  assert.ok(
    (await relatedOf(path)).every((headline) => headline !== neighbour.headline),
    'an edit to a story shown drops the page',
  );
});

test('related stories are picked again when a list changes, not when an article only gets a comment, and their comment counts stay current', async () => {
  const [harbours] = [await tag('Harbours')];
  const subject = await publish('Harbour dredging starts next week', world, [harbours], 1);
  const shown = await publish('Harbour pilots train on new tugs', world, [harbours], 2);
  const path = `/world/${subject.slug}`;
  const before = await relatedOf(path);
  assert.equal(before[0], shown.headline);

  // Published without telling this app (as by a process that announced nothing): the kept picks stand.
  const unannounced = { ...deps, changes: new ContentChanges() };
  const hidden = await createArticle(unannounced, {
    headline: 'Harbour dredging: the plan',
    bodyHtml: '<p>Text.</p>',
    sectionId: world,
    authorIds: [],
    tagIds: [harbours],
  });
  await publishArticle(unannounced, hidden.id, hoursAgo(0.5));
  // An approved comment on the story shown announces that article alone, as moderation does.
  await insertComment(gazette.database.db, {
    articleId: shown.id,
    parentId: null,
    status: 'approved',
    authorName: 'Reader',
    authorEmail: 'reader@example.org',
    authorWebsite: '',
    staffUserId: null,
    body: 'Good to see.',
    spamScore: null,
    spamReasons: [],
    ipAddress: null,
    userAgent: null,
    replyAlertsRequested: false,
    createdAt: hoursAgo(0.1),
  });
  gazette.changes.announce([contentTags.article(shown.id), contentTags.article(subject.id)]);
  const { body } = await gazette.app.inject({ url: path });
  assert.deepEqual(await relatedOf(path), before, 'the same picks: no list changed');
  assert.match(body, /class="story-card__comments"[^>]*>1 comment</, 'the story shown is read afresh, with its comment');

  gazette.changes.announce([contentTags.scope({ kind: 'tag', tagId: harbours })]);
  assert.equal((await relatedOf(path))[0], hidden.headline, 'a change to a list picks again');
});
