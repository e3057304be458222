import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { readAll } from './wxr-reader.test-support.ts';
import { parseWxrGmtDate, readWxr } from './wxr-reader.ts';
import type { WxrCategory, WxrItem, WxrTag } from './wxr-records.ts';

const fixturePath = new URL('../../../test/fixtures/imports/wordpress/export.xml', import.meta.url);
const fixture = readFileSync(fixturePath);

const fixtureRecords = readAll(createReadStream(fixturePath));
const items = async () => (await fixtureRecords).filter((record): record is WxrItem => record.kind === 'item');
async function item(postId: number): Promise<WxrItem> {
  const found = (await items()).find((candidate) => candidate.postId === postId);
  assert.ok(found, `item ${postId} is in the fixture`);
  return found;
}
/** Meta and comment meta are null-prototype objects; a plain copy compares with literals. */
const plain = (meta: object) => ({ ...meta });

describe('the WordPress 6.1 fixture', () => {
  test('starts with the site, then authors, categories, tags and items, in file order', async () => {
    const records = await fixtureRecords;
    assert.deepEqual(records[0], {
      kind: 'site',
      title: 'Gazette Test Newsroom',
      link: 'http://news.example.org',
      description: 'Local news, every day',
      language: 'en-US',
      baseSiteUrl: 'http://news.example.org',
      baseBlogUrl: 'http://news.example.org',
      wxrVersion: '1.2',
    });
    const kinds = records.map((record) => record.kind);
    assert.deepEqual(kinds, ['site', ...Array(5).fill('author'), ...Array(7).fill('category'), ...Array(7).fill('tag'), ...Array(15).fill('item')]);
  });

  test('authors carry their ids, logins, e-mails and names', async () => {
    const authors = (await fixtureRecords).filter((record) => record.kind === 'author');
    assert.deepEqual(authors[0], {
      kind: 'author',
      id: 1,
      login: 'desk',
      email: 'desk@news.example.org',
      displayName: 'Night Desk',
      firstName: 'Night',
      lastName: 'Desk',
    });
    assert.deepEqual(
      authors.map((author) => [author.id, author.login, author.displayName]),
      [
        [1, 'desk', 'Night Desk'],
        [2, 'hana.kim', 'Hana Kim'],
        [3, 'omar.haddad', 'Omar Haddad'],
        [4, 'claire.dubois', 'Claire Dubois'],
        [5, 'sam.okafor', 'Sam Okafor'],
      ],
    );
  });

  test('categories are listed once, nested by parent slug, with decoded names and slugs', async () => {
    const categories = (await fixtureRecords).filter((record): record is WxrCategory => record.kind === 'category');
    assert.deepEqual(
      categories.map(({ id, slug, parentSlug, name }) => [id, slug, parentSlug, name]),
      [
        [6, 'culture', '', 'Arts & Culture'],
        [7, 'politics', '', 'Politics'],
        [1, 'uncategorized', '', 'Uncategorized'],
        [2, 'world', '', 'World'],
        [3, 'asia', 'world', 'Asia'],
        [4, 'middle-east', 'world', 'Middle East'],
        [5, '한국', 'asia', '한국'],
      ],
    );
    assert.equal(categories.find((category) => category.slug === 'world')?.description, 'News from outside the city.');
  });

  test('tags are listed once, with accents and non-Latin names and slugs decoded', async () => {
    const tags = (await fixtureRecords).filter((record): record is WxrTag => record.kind === 'tag');
    assert.deepEqual(
      tags.map(({ id, slug, name }) => [id, slug, name]),
      [
        [10, 'cafe-society', 'Café society'],
        [9, 'elections', 'Élections'],
        [13, 'lyon', 'Lyon'],
        [8, 'markets-trade', 'Markets & Trade'],
        [14, 'street-food', 'Street food'],
        [12, 'القاهرة', 'القاهرة'],
        [11, '서울', '서울'],
      ],
    );
    assert.equal(tags[0]?.description, 'Où l’on boit un café.');
  });

  test('posts in every state, pages, attachments and the reusable block', async () => {
    const all = await items();
    const byType = (type: string) => all.filter((candidate) => candidate.postType === type).map((candidate) => [candidate.postId, candidate.status]);
    assert.deepEqual(byType('post'), [
      [8, 'publish'],
      [9, 'publish'],
      [10, 'publish'],
      [12, 'future'],
      [13, 'draft'],
      [14, 'pending'],
      [15, 'private'],
      [16, 'trash'],
    ]);
    assert.deepEqual(byType('attachment'), [
      [4, 'inherit'],
      [5, 'inherit'],
      [6, 'inherit'],
    ]);
    assert.deepEqual(byType('wp_block'), [[7, 'publish']]);
    const pages = all.filter((candidate) => candidate.postType === 'page');
    assert.deepEqual(
      pages.map(({ postId, postName, postParent, menuOrder }) => [postId, postName, postParent, menuOrder]),
      [
        [18, 'about', 0, 1],
        [19, 'masthead', 18, 1],
        [20, 'contact', 0, 2],
      ],
    );
  });

  test('a published post carries its fields as stored', async () => {
    const post = await item(9);
    assert.equal(post.title, 'Cairo votes: first results');
    assert.equal(post.link, 'http://news.example.org/2025/03/cairo-election-night-turnout/');
    assert.equal(post.guid, 'http://news.example.org/2025/03/cairo-votes-first-results/');
    assert.equal(post.creator, 'omar.haddad');
    assert.equal(post.pubDate, 'Sun, 02 Mar 2025 21:15:00 +0000');
    assert.equal(post.postDate, '2025-03-02 22:15:00');
    assert.equal(post.postDateGmt, '2025-03-02 21:15:00');
    assert.deepEqual(parseWxrGmtDate(post.postDateGmt), new Date('2025-03-02T21:15:00Z'));
    assert.match(post.modifiedGmt, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(post.postName, 'cairo-election-night-turnout');
    assert.equal(post.commentStatus, 'open');
    assert.equal(post.pingStatus, 'open');
    assert.equal(post.postPassword, '');
    assert.equal(post.isSticky, false);
    assert.ok(post.content.startsWith('<!-- wp:paragraph -->\n<p>Polls closed at 9pm'));
    assert.ok(post.content.endsWith('<!-- wp:block {"ref":7} /-->'));
    assert.deepEqual(post.terms, [
      { taxonomy: 'post_tag', slug: 'elections', name: 'Élections' },
      { taxonomy: 'category', slug: 'middle-east', name: 'Middle East' },
      { taxonomy: 'category', slug: 'politics', name: 'Politics' },
      { taxonomy: 'post_tag', slug: 'القاهرة', name: 'القاهرة' },
    ]);
  });

  test('custom fields, the old slug and the featured image are in meta, keys repeated as arrays', async () => {
    const post = await item(9);
    assert.equal(Object.getPrototypeOf(post.meta), null);
    assert.deepEqual(plain(post.meta), {
      _pingme: ['1'],
      _encloseme: ['1'],
      _thumbnail_id: ['5'],
      dateline: ['CAIRO —'],
      correction: ['An earlier version of this article gave the turnout in Giza as 48 per cent. It was 44 per cent.'],
      correction_date: ['2025-03-03'],
      _oembed_07e33e4d4cb54f78819dfd919d0543e8: ['{{unknown}}'],
      _wp_old_slug: ['cairo-votes-first-results'],
    });
    assert.deepEqual((await item(8)).meta.print_page, ['B4']);
  });

  test('only post 8 is sticky, and its classic content is kept raw', async () => {
    assert.deepEqual(
      (await items()).filter((candidate) => candidate.isSticky).map((candidate) => candidate.postId),
      [8],
    );
    const festival = await item(8);
    assert.match(festival.content, /\[gallery ids="6,4,5" columns="3" link="file"\]/);
    assert.match(festival.content, /do not take cards &amp; queues/);
    assert.equal(festival.excerpt, 'Three stages, 80,000 people and no chestnuts left by nine.');
    assert.deepEqual(
      festival.terms.map((term) => term.name),
      ['Arts & Culture', 'Café society', 'Lyon', 'Street food'],
    );
  });

  test('drafts, trashed posts and future posts keep what WordPress stored', async () => {
    assert.equal((await item(13)).postName, '');
    const trashed = await item(16);
    assert.equal(trashed.postName, 'seoul-markets-duplicate__trashed');
    assert.deepEqual(trashed.meta._wp_desired_post_slug, ['seoul-markets-duplicate']);
    assert.deepEqual(trashed.meta._wp_trash_meta_status, ['publish']);
    assert.deepEqual((await item(13)).terms, [{ taxonomy: 'category', slug: '한국', name: '한국' }]);
    assert.deepEqual(parseWxrGmtDate((await item(12)).postDateGmt), new Date('2030-01-15T06:00:00Z'));
  });

  test('attachments carry their URL, parent, caption, alt and serialised metadata', async () => {
    const photo = await item(4);
    assert.equal(photo.attachmentUrl, 'http://news.example.org/wp-content/uploads/2025/03/seoul-night-market.jpg');
    assert.equal(photo.postParent, 10);
    assert.equal(photo.excerpt, 'Paper lanterns light the food stalls of Gwangjang market, Seoul, on 10 March 2025.');
    assert.equal(photo.content, 'Gwangjang market, photographed for the night-markets series.');
    assert.deepEqual(photo.meta._wp_attached_file, ['2025/03/seoul-night-market.jpg']);
    assert.deepEqual(photo.meta._wp_attachment_image_alt, ['Paper lanterns above food stalls at dusk']);
    assert.match(photo.meta._wp_attachment_metadata?.[0] ?? '', /^a:6:\{s:5:"width";i:640;.*s:5:"title";s:20:"Night market reopens";/);
    assert.deepEqual([(await item(5)).postParent, (await item(6)).postParent, (await item(6)).content], [9, 8, '']);
  });

  test('the reusable block is an item of type wp_block', async () => {
    const block = await item(7);
    assert.equal(block.title, 'Newsletter sign-up');
    assert.match(block.content, /<h3>Get the morning briefing<\/h3>/);
  });

  test('comments are threaded by parent id, with their states, the pingback and comment meta', async () => {
    const comments = (await item(10)).comments;
    assert.deepEqual(
      comments.map(({ id, parentId, approved, type, userId }) => [id, parentId, approved, type, userId]),
      [
        [2, 0, '1', 'comment', 0],
        [3, 2, '1', 'comment', 0],
        [4, 3, '1', 'comment', 0],
        [5, 4, '1', 'comment', 2],
        [6, 0, '0', 'comment', 0],
        [8, 0, 'trash', 'comment', 0],
        [12, 0, '1', 'pingback', 0],
      ],
    );
    const [first] = comments;
    assert.deepEqual(
      { ...first, meta: plain(first!.meta) },
      {
        id: 2,
        author: 'Mina Park',
        authorEmail: 'mina@example.com',
        authorUrl: '',
        authorIp: '192.0.2.10',
        date: '2025-03-14 10:05:00',
        dateGmt: '2025-03-14 09:05:00',
        content: 'Finally! The late hours were the whole point.\n\nSee you at the pancake stall.',
        approved: '1',
        type: 'comment',
        parentId: 0,
        userId: 0,
        meta: {},
      },
    );
    assert.deepEqual(parseWxrGmtDate(first!.dateGmt), new Date('2025-03-14T09:05:00Z'));
    const pingback = comments.find((comment) => comment.type === 'pingback')!;
    assert.equal(pingback.author, 'Night Owl Eats » Where to eat after 10pm');
    assert.equal(pingback.authorUrl, 'https://nightowl.example.net/2025/03/late-eats/');
    assert.equal(pingback.authorEmail, '');
    assert.equal(pingback.content, '[…] Gwangjang is open until midnight again, the Gazette reports. […]');
    const trashed = comments.find((comment) => comment.approved === 'trash')!;
    assert.deepEqual(plain(trashed.meta), { _wp_trash_meta_status: ['0'], _wp_trash_meta_time: ['1796415798'] });
  });

  test('comments elsewhere: a reply held for moderation and raw content', async () => {
    assert.deepEqual(
      (await item(9)).comments.map(({ id, author, parentId, approved }) => [id, author, parentId, approved]),
      [
        [9, 'ليلى', 0, '1'],
        [10, 'Karim', 9, '0'],
      ],
    );
    assert.equal((await item(8)).comments[0]?.content, 'Les marrons étaient excellents & pas chers.');
  });

  test('the spam comment WordPress left out is nowhere, and 10 comments are there in all', async () => {
    const comments = (await items()).flatMap((candidate) => candidate.comments);
    assert.equal(comments.length, 10);
    assert.ok(!comments.some((comment) => comment.id === 7 || comment.approved === 'spam'));
  });
});

describe('streaming', () => {
  test('7-byte chunks, splitting UTF-8 sequences, give the same records', async () => {
    const chunks = Array.from({ length: Math.ceil(fixture.length / 7) }, (_, index) => fixture.subarray(index * 7, index * 7 + 7));
    assert.deepEqual(await readAll(Readable.from(chunks)), await fixtureRecords);
  });

  test('one string chunk gives the same records', async () => {
    assert.deepEqual(await readAll([fixture.toString('utf8')].values() as unknown as AsyncIterable<string>), await fixtureRecords);
  });

  test('records come out before the rest of the file has been read', async () => {
    const cut = fixture.indexOf('</item>') + '</item>'.length;
    let restSupplied = false;
    async function* source() {
      yield fixture.subarray(0, cut);
      restSupplied = true;
      yield fixture.subarray(cut);
    }
    let firstItemEarly: boolean | undefined;
    for await (const record of readWxr(source())) {
      if (record.kind === 'item' && firstItemEarly === undefined) firstItemEarly = !restSupplied;
    }
    assert.equal(firstItemEarly, true);
  });
});
