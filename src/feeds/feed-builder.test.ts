import assert from 'node:assert/strict';
import { test } from 'node:test';
import Parser from 'rss-parser';
import { sampleArticle } from '../../test/helpers/sample-article.ts';
import { translator } from '../i18n/index.ts';
import { namespaces, readXml } from '../../test/helpers/xml.ts';
import { type FeedChannel, lastUpdated, renderFeed, unindentCdata } from './feed-builder.ts';
import { toFeedEntry } from './feed-entry.ts';

const channel: FeedChannel = {
  id: 'tag:news.example,2026:feed:site',
  title: 'The Harbour Gazette',
  description: 'News from the coast.',
  language: 'en-GB',
  words: translator('en-GB'),
  pageUrl: 'https://news.example/',
  feedUrls: { rss: 'https://news.example/feed.xml', atom: 'https://news.example/feed.atom', json: 'https://news.example/feed.json' },
  publisher: { name: 'The Harbour Gazette', url: 'https://news.example/' },
  logoUrl: 'https://news.example/assets/logo.png',
  iconUrl: 'https://news.example/assets/logo.svg',
};

const tricky = sampleArticle({ id: 13, headline: 'Trade & tariffs: "ships" <wait> ]]> longer', slug: 'trade' });
const entries = [
  toFeedEntry(sampleArticle(), { publicUrl: 'https://news.example', content: 'full' }),
  toFeedEntry(tricky, { publicUrl: 'https://news.example', content: 'full' }),
];
const parser = new Parser({
  customFields: {
    item: [
      ['media:content', 'mediaContent'],
      ['dc:creator', 'creators', { keepArray: true }],
    ],
  },
});

test('RSS 2.0 parses in a feed reader with GUIDs, dates, authors, categories, full text and the photo', async () => {
  const { body, contentType } = await renderFeed('rss', channel, entries);
  assert.equal(contentType, 'application/rss+xml; charset=utf-8');
  const xml = readXml(body);
  assert.deepEqual(xml.problems, []);
  assert.equal(xml.root, 'rss');
  for (const element of [
    `{${namespaces.media}}content`,
    `{${namespaces.media}}credit`,
    `{${namespaces.dc}}creator`,
    `{${namespaces.content}}encoded`,
    `{${namespaces.atom}}link`,
  ]) {
    assert.ok(xml.elements.has(element), element);
  }
  const feed = await parser.parseString(body);
  assert.equal(feed.title, 'The Harbour Gazette');
  const [first, second] = feed.items as any[];
  assert.equal(first.guid, 'tag:news.example,2026:article:12');
  assert.equal(first.link, 'https://news.example/world/harbour-reopens');
  assert.equal(first.isoDate, '2026-11-26T09:00:00.000Z');
  assert.deepEqual(first.creators, ['Mina Park']);
  assert.deepEqual(first.categories, ['World', 'Shipping']);
  assert.equal(first.contentSnippet, 'Ships queue at the breakwater.');
  assert.match(first['content:encoded'], /^<p>First <a href="https:\/\/news.example\/world\/earlier-story">/);
  assert.deepEqual({ ...first.enclosure }, { url: 'https://news.example/media/abc123/1600.jpg', length: '0', type: 'image/jpeg' });
  assert.equal(first.mediaContent.$.medium, 'image');
  assert.deepEqual(JSON.parse(JSON.stringify(first.mediaContent['media:description'])), [{ _: 'Cranes at dawn.', $: { type: 'plain' } }]);
  assert.equal(first.mediaContent['media:credit'][0]._, 'Ana Ruiz');
  assert.equal(second.title, 'Trade & tariffs: "ships" <wait> ]]> longer', 'the exact headline, no added whitespace');
});

test('Atom 1.0 parses with ids, published and updated dates, authors, categories and an enclosure', async () => {
  const { body, contentType } = await renderFeed('atom', channel, entries);
  assert.equal(contentType, 'application/atom+xml; charset=utf-8');
  const xml = readXml(body);
  assert.deepEqual(xml.problems, []);
  assert.equal(xml.root, `{${namespaces.atom}}feed`);
  assert.ok(xml.elements.has(`{${namespaces.media}}content`));
  assert.match(body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"[^>]* xml:lang="en-GB"/);
  const feed = await parser.parseString(body);
  const [first, second] = feed.items as any[];
  assert.equal(first.id, 'tag:news.example,2026:article:12');
  assert.equal(first.link, 'https://news.example/world/harbour-reopens');
  assert.equal(first.pubDate, '2026-11-26T09:00:00.000Z');
  assert.equal(first.author, 'Mina Park');
  assert.match(first.content, /^<p>First <a href="https:\/\/news.example\/world\/earlier-story">/);
  assert.equal(first.summary, 'Ships queue at the breakwater.');
  assert.match(body, /<link href="https:\/\/news.example\/media\/abc123\/1600.jpg" rel="enclosure" type="image\/jpeg"\/>/);
  assert.match(body, /<category term="Shipping" label="Shipping"\/>/);
  assert.match(body, /<updated>2026-11-26T10:30:00.000Z<\/updated>/);
  assert.equal(second.title, 'Trade & tariffs: "ships" <wait> ]]> longer');
});

test('JSON Feed 1.1 carries the required fields, authors, tags, the photo and full text', async () => {
  const { body, contentType } = await renderFeed('json', channel, entries);
  assert.equal(contentType, 'application/feed+json; charset=utf-8');
  const feed = JSON.parse(body);
  assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
  assert.equal(feed.title, 'The Harbour Gazette');
  assert.equal(feed.feed_url, 'https://news.example/feed.json');
  assert.equal(feed.language, 'en-GB');
  const [first] = feed.items;
  assert.equal(first.id, 'tag:news.example,2026:article:12');
  assert.match(first.content_html, /^<p>First/);
  assert.equal(first.date_published, '2026-11-26T09:00:00.000Z');
  assert.equal(first.date_modified, '2026-11-26T10:30:00.000Z');
  assert.deepEqual(first.authors, [{ name: 'Mina Park', url: 'https://news.example/author/mina-park' }]);
  assert.deepEqual(first.tags, ['World', 'Shipping']);
  assert.equal(first.image, 'https://news.example/media/abc123/1600.jpg');
  assert.deepEqual(first.attachments, [
    { url: 'https://news.example/media/abc123/1600.jpg', mime_type: 'image/jpeg', title: 'Cranes at dawn. Photo: Ana Ruiz' },
  ]);
});

test('standfirst-only feeds carry the summary and no full text in every format', async () => {
  const summaries = [toFeedEntry(sampleArticle(), { publicUrl: 'https://news.example', content: 'summary' })];
  const rss = (await renderFeed('rss', channel, summaries)).body;
  assert.equal(rss.includes('content:encoded'), false);
  assert.deepEqual(readXml(rss).problems, []);
  assert.equal((await renderFeed('atom', channel, summaries)).body.includes('<content'), false);
  const [item] = JSON.parse((await renderFeed('json', channel, summaries)).body).items;
  assert.equal(item.content_html, undefined);
  assert.equal(item.content_text, 'Ships queue at the breakwater.');
});

test('an empty feed is still valid and renders the same every time', async () => {
  assert.equal(lastUpdated([]).toISOString(), '1970-01-01T00:00:00.000Z', "Atom's required <updated>");
  assert.equal((await renderFeed('rss', channel, [])).body.includes('lastBuildDate'), false);
  for (const format of ['rss', 'atom'] as const) {
    const { body } = await renderFeed(format, channel, []);
    assert.deepEqual(readXml(body).problems, []);
    assert.equal((await parser.parseString(body)).items?.length ?? 0, 0);
  }
  assert.deepEqual(JSON.parse((await renderFeed('json', channel, [])).body).items, []);
});

test('CDATA sections lose only the indentation around them, never text inside', () => {
  assert.equal(
    unindentCdata('<a>\n  <title>\n    <![CDATA[x >  <![CDATA[ y ]]]]><![CDATA[>]]>\n  </title>\n</a>'),
    '<a>\n  <title><![CDATA[x >  <![CDATA[ y ]]]]><![CDATA[>]]></title>\n</a>',
  );
});

test('a stray control character in stored text cannot make a feed unreadable', async () => {
  const broken = toFeedEntry(sampleArticle({ headline: 'Bell\u0007 rings', standfirst: 'Tab\tand\u0000nul' }), {
    publicUrl: 'https://news.example',
    content: 'full',
  });
  for (const format of ['rss', 'atom'] as const) {
    const { body } = await renderFeed(format, { ...channel, title: 'Gazette\u001b' }, [broken]);
    assert.deepEqual(readXml(body).problems, [], format);
    const [item] = (await parser.parseString(body)).items;
    assert.equal(item?.title, 'Bell rings', format);
  }
  assert.equal(JSON.parse((await renderFeed('json', channel, [broken])).body).items[0].title, 'Bell\u0007 rings', 'JSON escapes it');
});
