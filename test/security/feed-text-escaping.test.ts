import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { DomUtils, parseDocument } from 'htmlparser2';
import { commentOn, postedCommentId, setCommentPolicy } from '../helpers/comment-forms.ts';
import { fetchOk } from '../helpers/feeds.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const hostile = '<img src=x onerror=alert(4)>';
const hostileComment = `${hostile} and the report at https://example.org/report, worth reading.`;

/** One field of a feed that a reader shows as HTML, as the reader gets it once the XML or JSON is decoded. */
interface HtmlField {
  readonly where: string;
  readonly html: string;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  processEntities: true,
  isArray: (name) => name === 'item' || name === 'entry',
});

type XmlNode = Record<string, unknown>;

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as XmlNode)['#text']);
  return '';
}

/** RSS: every <description> (the channel's and the items') and content:encoded are HTML to feed readers. */
function rssHtmlFields(body: string): HtmlField[] {
  const channel = (xml.parse(body) as { rss: { channel: XmlNode } }).rss.channel;
  const items = (channel.item as XmlNode[] | undefined) ?? [];
  return [
    { where: 'channel description', html: textOf(channel.description) },
    ...items.flatMap((item, index) => [
      { where: `item ${index} description`, html: textOf(item.description) },
      ...(item['content:encoded'] !== undefined ? [{ where: `item ${index} content:encoded`, html: textOf(item['content:encoded']) }] : []),
    ]),
  ];
}

/** Atom: any text construct typed "html" (or "xhtml"); "text" ones are shown as text. */
function atomHtmlFields(body: string): HtmlField[] {
  const feed = (xml.parse(body) as { feed: XmlNode }).feed;
  const fields: HtmlField[] = [];
  const collect = (node: XmlNode, where: string) => {
    for (const name of ['title', 'subtitle', 'summary', 'content', 'rights']) {
      const value = node[name];
      if (value && typeof value === 'object' && ['html', 'xhtml'].includes(String((value as XmlNode)['@type'])))
        fields.push({ where: `${where} ${name}`, html: textOf(value) });
    }
  };
  collect(feed, 'feed');
  for (const [index, entry] of ((feed.entry as XmlNode[] | undefined) ?? []).entries()) collect(entry, `entry ${index}`);
  return fields;
}

/** JSON Feed: content_html is the only HTML field. */
function jsonHtmlFields(body: string): HtmlField[] {
  const feed = JSON.parse(body) as { items: { content_html?: string }[] };
  return feed.items.flatMap((item, index) => (item.content_html === undefined ? [] : [{ where: `item ${index} content_html`, html: item.content_html }]));
}

function htmlFieldsOf(body: string, contentType: string): HtmlField[] {
  if (contentType.startsWith('application/rss+xml')) return rssHtmlFields(body);
  if (contentType.startsWith('application/atom+xml')) return atomHtmlFields(body);
  return jsonHtmlFields(body);
}

/** Elements an HTML parser (as a feed reader uses) makes of the field, that came from the hostile text. */
function hostileElements(html: string): string[] {
  const document = parseDocument(html, { decodeEntities: true });
  return DomUtils.findAll(
    (element) => (element.name === 'img' && element.attribs.src === 'x') || Object.keys(element.attribs).some((name) => name.startsWith('on')),
    document.children,
  ).map((element) => `<${element.name} ${Object.keys(element.attribs).join(' ')}>`);
}

function textContentOf(html: string): string {
  return DomUtils.textContent(parseDocument(html, { decodeEntities: true }));
}

describe('text in feeds', () => {
  let gazette: TestGazette;
  let articlePath: string;
  let collectionFeeds: string[];

  before(async () => {
    gazette = await buildTestApp();
    const db = gazette.database.db;
    const home = await gazette.app.inject({ url: '/' });
    articlePath = /<main[\s\S]*?href="(\/[a-z-]+\/[a-z0-9-]+)"/.exec(home.body)![1]!;
    const slug = articlePath.split('/').pop()!;
    const article = await db.selectFrom('articles').select(['id', 'section_id']).where('slug', '=', slug).executeTakeFirstOrThrow();
    const author = await db
      .selectFrom('article_authors')
      .innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select(['authors.id', 'authors.slug'])
      .where('article_authors.article_id', '=', article.id)
      .executeTakeFirstOrThrow();
    const tag = await db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['tags.id', 'tags.slug'])
      .where('article_tags.article_id', '=', article.id)
      .executeTakeFirstOrThrow();
    const section = await db.selectFrom('sections').select(['id', 'slug']).where('id', '=', article.section_id!).executeTakeFirstOrThrow();

    // What the newsroom typed: a standfirst, a bio and descriptions that look like markup.
    await db
      .updateTable('articles')
      .set({ standfirst: `Standfirst ${hostile}` })
      .where('id', '=', article.id)
      .execute();
    await db
      .updateTable('authors')
      .set({ bio: `Bio ${hostile}` })
      .where('id', '=', author.id)
      .execute();
    await db
      .updateTable('sections')
      .set({ description: `Section ${hostile}` })
      .where('id', '=', section.id)
      .execute();
    await db
      .updateTable('tags')
      .set({ description: `Topic ${hostile}` })
      .where('id', '=', tag.id)
      .execute();
    await gazette.settings.update({ description: `Site ${hostile}` });
    gazette.pages.clear();

    // What a reader typed, published as the newsroom's policy allows.
    await setCommentPolicy(gazette, { moderation: 'publish' });
    const posted = await commentOn(
      gazette,
      articlePath,
      { name: `Mallory ${hostile}`, email: 'mallory@example.com', comment: hostileComment },
      { remoteAddress: '198.51.100.40' },
    );
    const id = postedCommentId(posted);
    assert.equal((await db.selectFrom('comments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'approved');

    collectionFeeds = ['/feed', `/${section.slug}/feed`, `/tag/${tag.slug}/feed`, `/author/${author.slug}/feed`];
  });
  after(() => gazette.close());

  const formats = ['xml', 'atom', 'json'] as const;

  test('site, section, topic and author feeds in RSS, Atom and JSON Feed: a hostile standfirst, bio or description is text in every HTML field', async () => {
    for (const format of formats) {
      for (const base of collectionFeeds) {
        const response = await fetchOk(gazette, `${base}.${format}`);
        const fields = htmlFieldsOf(response.body, String(response.headers['content-type']));
        for (const field of fields) assert.deepEqual(hostileElements(field.html), [], `${base}.${format} ${field.where}: ${field.html.slice(0, 200)}`);
        if (format === 'xml') {
          assert.ok(
            fields.some((field) => textContentOf(field.html).includes(`Standfirst ${hostile}`)),
            `${base}.xml carries the standfirst as escaped text in an item description`,
          );
          assert.ok(textContentOf(fields[0]!.html).includes(hostile), `${base}.xml carries its description as escaped text`);
        }
      }
    }
  });

  test('an article’s comment feed in RSS, Atom and JSON Feed: the comment is text, in HTML fields shown as on the page', async () => {
    for (const format of formats) {
      const response = await fetchOk(gazette, `${articlePath}/comments.${format}`);
      const fields = htmlFieldsOf(response.body, String(response.headers['content-type']));
      for (const field of fields) assert.deepEqual(hostileElements(field.html), [], `${format} ${field.where}: ${field.html.slice(0, 200)}`);
      const body = fields.find((field) => textContentOf(field.html).includes(hostile) && field.html.startsWith('<p>'));
      assert.ok(body, `the comment's body is an HTML field of the ${format} feed, as the page renders it`);
      assert.match(body.html, /<a href="https:\/\/example\.org\/report" rel="nofollow ugc noopener">https:\/\/example\.org\/report<\/a>/, format);
      assert.equal(textContentOf(body.html), hostileComment, format);
    }
  });
});
