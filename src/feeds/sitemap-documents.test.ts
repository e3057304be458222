import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorLevel, SitemapStream, streamToPromise } from 'sitemap';
import { namespaces, readXml } from '../../test/helpers/xml.ts';
import { absoluteUrl } from '../platform/urls.ts';
import { renderSitemapIndex, renderUrlset, type SitemapEntry } from './sitemap-documents.ts';
import { entriesPerSitemap, sitemapTextLimits, truncate } from './sitemap-plan.ts';
import { withoutForbiddenXmlCharacters } from './xml-characters.ts';

const article: SitemapEntry = {
  url: 'https://news.example/world/harbour-reopens',
  lastModified: new Date('2026-11-26T10:30:00Z'),
  image: { url: 'https://news.example/media/abc/1600.jpg', caption: 'Cranes & "boats" at <dawn>' },
};

test('an article sitemap lists URLs with lastmod and image entries in the right namespaces', async () => {
  const xml = await renderUrlset([article], { image: true });
  const reading = readXml(xml);
  assert.deepEqual(reading.problems, []);
  assert.equal(reading.root, `{${namespaces.sitemap}}urlset`);
  for (const name of ['loc', 'lastmod']) assert.ok(reading.elements.has(`{${namespaces.sitemap}}${name}`));
  for (const name of ['image', 'loc', 'caption']) assert.ok(reading.elements.has(`{${namespaces.image}}${name}`));
  assert.match(xml, /<lastmod>2026-11-26T10:30:00.000Z<\/lastmod>/);
  assert.match(xml, /<image:caption>Cranes &amp; "boats" at &lt;dawn&gt;<\/image:caption>/);
  assert.equal(xml.includes('xmlns:news'), false, 'only the namespaces it uses');
});

test('a news sitemap carries publication name and language, date and title', async () => {
  const xml = await renderUrlset(
    [
      {
        url: article.url,
        news: { publicationName: 'The Harbour Gazette', language: 'en', publishedAt: new Date('2026-11-27T09:00:00Z'), title: 'Harbour reopens' },
      },
    ],
    { news: true },
  );
  const reading = readXml(xml);
  assert.deepEqual(reading.problems, []);
  for (const name of ['news', 'publication', 'name', 'language', 'publication_date', 'title']) {
    assert.ok(reading.elements.has(`{${namespaces.news}}${name}`), name);
  }
  assert.match(xml, /<news:publication_date>2026-11-27T09:00:00.000Z<\/news:publication_date>/);
});

test('an empty urlset is still a valid document', async () => {
  const reading = readXml(await renderUrlset([], { news: true }));
  assert.deepEqual(reading.problems, []);
  assert.equal(reading.root, `{${namespaces.sitemap}}urlset`);
});

test('the index names each file with its lastmod', async () => {
  const xml = await renderSitemapIndex([
    { url: 'https://news.example/sitemaps/news.xml' },
    { url: 'https://news.example/sitemaps/articles-2026-11.xml', lastModified: new Date('2026-11-26T10:30:00Z') },
  ]);
  const reading = readXml(xml);
  assert.deepEqual(reading.problems, []);
  assert.equal(reading.root, `{${namespaces.sitemap}}sitemapindex`);
  assert.match(xml, /<sitemap><loc>https:\/\/news.example\/sitemaps\/articles-2026-11.xml<\/loc><lastmod>2026-11-26T10:30:00.000Z<\/lastmod><\/sitemap>/);
});

test('the largest possible entries, at the per-file counts, stay under the 50 MB limit', async () => {
  const longUrl = (path: string) => `https://${'n'.repeat(60)}.example/${path}${'a'.repeat(2048 - 80 - path.length)}`;
  const worstArticle: SitemapEntry = {
    url: longUrl('world/'),
    lastModified: new Date('2026-11-26T10:30:00Z'),
    image: { url: longUrl('media/'), caption: '&'.repeat(2000) },
  };
  const fiftyMegabytes = 50 * 1024 * 1024;
  const overhead = Buffer.byteLength(await renderUrlset([], { image: true, news: true }));
  const articleBytes = Buffer.byteLength(await renderUrlset([worstArticle], { image: true })) - overhead;
  assert.ok(articleBytes * entriesPerSitemap.articles + overhead < fiftyMegabytes, `${articleBytes} bytes per article entry`);
  const collectionBytes = Buffer.byteLength(await renderUrlset([{ url: longUrl('tag/'), lastModified: new Date() }])) - overhead;
  assert.ok(collectionBytes * entriesPerSitemap.collections + overhead < fiftyMegabytes, `${collectionBytes} bytes per collection entry`);
  assert.ok(entriesPerSitemap.articles <= 50_000 && entriesPerSitemap.collections <= 50_000 && entriesPerSitemap.news <= 1_000);
});

/** The urlset as the sitemap library wrote it, kept to check the writer above against. */
async function libraryUrlset(entries: readonly SitemapEntry[], extensions: { image?: boolean; news?: boolean } = {}): Promise<string> {
  const stream = new SitemapStream({
    level: ErrorLevel.THROW,
    xmlns: { image: extensions.image ?? false, news: extensions.news ?? false, video: false, xhtml: false },
  });
  const done = streamToPromise(stream);
  for (const entry of entries) {
    stream.write({
      url: entry.url,
      ...(entry.lastModified ? { lastmod: entry.lastModified.toISOString() } : {}),
      ...(entry.image
        ? { img: [{ url: entry.image.url, ...(entry.image.caption ? { caption: truncate(entry.image.caption, sitemapTextLimits.caption) } : {}) }] }
        : {}),
      ...(entry.news
        ? {
            news: {
              publication: { name: truncate(entry.news.publicationName, sitemapTextLimits.publicationName), language: entry.news.language },
              publication_date: entry.news.publishedAt.toISOString(),
              title: truncate(entry.news.title, sitemapTextLimits.title),
            },
          }
        : {}),
    });
  }
  stream.end();
  return withoutForbiddenXmlCharacters((await done).toString('utf8'));
}

/** A small seeded generator (mulberry32), so a failure can be run again. */
function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)] as T;
  return { next, below, pick };
}

const textPieces = [
  ...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789.,;:!?-_()/'.split(''),
  '&',
  '<',
  '>',
  '"',
  "'",
  '&amp;',
  ']]>',
  '…',
  '🚢',
  '👩🏽‍🚀',
  '港口重新开放',
  'Ünïcödé',
  'ниже',
  '\t',
  '\n',
  '\r',
  '\u0085',
  '\u00A0',
  '\u2028',
  '\uFDCF',
  '\uFDE5',
  '\uFFFD',
  '\u{10000}',
  '\u{10FFFD}',
  // Dropped: C0 and C1 controls, DEL, lone surrogates, noncharacters.
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u001F',
  '\u007F',
  '\u0080',
  '\u0084',
  '\u0086',
  '\u009F',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uFDD0',
  '\uFDDF',
  '\uFFFE',
  '\uFFFF',
  '\u{1FFFE}',
  '\u{10FFFF}',
];

const pathPieces = [
  'world',
  'harbour-reopens',
  '2026',
  'a b',
  'it%E2%80%99s',
  '%2e',
  '%41%zz',
  "o'neill",
  '"quoted"',
  '<tag>',
  'caf\u00e9',
  '港口',
  'ниже',
  '🚢',
  '..',
  '.',
  'x&y',
  'semi;colon',
  '~tilde',
  'back\\slash',
  'pipe|caret^',
  '{brace}',
  '%2E%2e',
  '%2e.',
  '.hidden',
  'a..b',
  "@:!$()*+,;='",
  'tab\there',
  'xn--hfen-rqa',
];

function generatedText(random: ReturnType<typeof randomSource>, length: number): string {
  let value = '';
  while (value.length < length) value += random.pick(textPieces);
  return value;
}

function generatedUrl(random: ReturnType<typeof randomSource>): string {
  const base = random.pick([
    'https://news.example',
    'https://news.example',
    'http://127.0.0.1:3000',
    'https://Gazette.Example:443/edition',
    'https://xn--hfen-rqa.example',
    'https://news.example.',
    'http://news.example:80',
    'https://news.example:8443',
    'https://desk@news.example',
    'https://1.2.3.4',
    'https://news.0x7z',
    'https://-news-.example',
    'HTTPS://news.example',
  ]);
  const segments = Array.from({ length: 1 + random.below(4) }, () => random.pick(pathPieces));
  let path = `/${segments.join('/')}`;
  if (random.next() < 0.3) path += `?${random.pick(['q=harbour+storm&page=2', "q='x'&y=<z>", 'q=a%20b&c=%C3%A9', 'q=港口', 'q="x"', "q=o'neill"])}`;
  if (random.next() < 0.1) path += `#${random.pick(['part-2', "it's", '"x"', '<y>'])}`;
  // Mostly as the app builds them; some as raw strings, for what normalizing does to them.
  return random.next() < 0.8 ? absoluteUrl(base, path) : `${base}${path}`;
}

function generatedEntry(random: ReturnType<typeof randomSource>): SitemapEntry {
  const longText = () => generatedText(random, random.next() < 0.2 ? 150 + random.below(1200) : random.below(40));
  const date = () => new Date(Date.UTC(2000, 0, 1) + random.below(40 * 365) * 86_400_000 + random.below(86_400_000));
  return {
    url: generatedUrl(random),
    ...(random.next() < 0.7 ? { lastModified: date() } : {}),
    ...(random.next() < 0.5 ? { image: { url: generatedUrl(random), caption: random.next() < 0.2 ? '' : longText() } } : {}),
    ...(random.next() < 0.4
      ? {
          news: {
            publicationName: `${random.pick(['The Harbour Gazette', 'A & B', 'Ü']) + (random.next() < 0.2 ? generatedText(random, 300) : '')}`,
            language: random.pick(['en', 'fr', 'zh-cn', 'zh-tw', 'haw']),
            publishedAt: date(),
            title: `T${longText()}`,
          },
        }
      : {}),
  };
}

test('the urlset writer writes exactly what the sitemap library wrote', async () => {
  const seed = 20261126;
  const random = randomSource(seed);
  const entries = Array.from({ length: 600 }, () => generatedEntry(random));
  for (const entry of entries.slice(0, 200)) {
    const extensions = { image: Boolean(entry.image), news: Boolean(entry.news) };
    assert.equal(await renderUrlset([entry], extensions), await libraryUrlset([entry], extensions), `seed ${seed}: ${JSON.stringify(entry)}`);
  }
  for (let start = 0; start < entries.length; start += 60) {
    const part = entries.slice(start, start + 60);
    const extensions = { ...(random.next() < 0.8 ? { image: true } : {}), ...(random.next() < 0.8 ? { news: true } : {}) };
    assert.equal(await renderUrlset(part, extensions), await libraryUrlset(part, extensions), `seed ${seed}, entries from ${start}`);
  }
  const edges: SitemapEntry[] = [
    { url: 'https://news.example/x', image: { url: 'https://news.example/m.jpg', caption: '\u0001\uFFFE' } },
    { url: 'https://news.example/x', news: { publicationName: 'P', language: 'en', publishedAt: new Date(0), title: '\u0001' } },
    { url: 'https://news.example/x', image: { url: 'https://news.example/m.jpg', caption: `${'a'.repeat(510)}🚢🚢` } },
    { url: 'https://news.example/x', lastModified: new Date(8.64e15) },
  ];
  for (const entry of edges) assert.equal(await renderUrlset([entry], { image: true, news: true }), await libraryUrlset([entry], { image: true, news: true }));
});

test('what the sitemap library refused, the writer refuses', async () => {
  const news = { publicationName: 'The Harbour Gazette', language: 'en', publishedAt: new Date(0), title: 'Harbour reopens' };
  const refused: SitemapEntry[] = [
    { url: '/world/harbour-reopens' },
    { url: '' },
    { url: 'https://xn--zz/x' },
    { url: 'https://news.example:99999/x' },
    { url: 'https://news.1/x' },
    { url: 'https://news.0x7f/x' },
    { url: 'https://news example/x' },
    { url: article.url, image: { url: 'media/abc.jpg', caption: '' } },
    { url: article.url, lastModified: new Date(Number.NaN) },
    { url: article.url, news: { ...news, language: 'EN' } },
    { url: article.url, news: { ...news, language: 'en-GB' } },
    { url: article.url, news: { ...news, title: '' } },
    { url: article.url, news: { ...news, publicationName: '' } },
    { url: article.url, news: { ...news, publishedAt: new Date(Number.NaN) } },
  ];
  for (const entry of refused) {
    // Alone: after a first entry the library threw in a later tick, past its promise.
    await assert.rejects(libraryUrlset([entry], { image: true, news: true }), `library: ${JSON.stringify(entry)}`);
    await assert.rejects(renderUrlset([article, entry], { image: true, news: true }), `writer: ${JSON.stringify(entry)}`);
  }
  // The library let these through; a sitemap lists only http(s) pages.
  for (const url of ['ftp://news.example/x', 'javascript:alert(1)', 'mailto:desk@news.example']) {
    await assert.rejects(renderUrlset([{ url }]), /http/);
    await assert.rejects(renderUrlset([{ ...article, image: { url, caption: '' } }], { image: true }), /http/);
  }
});

test('time to write a monthly sitemap of 4,200 articles with images (printed, not asserted)', async () => {
  const entries: SitemapEntry[] = Array.from({ length: 4_200 }, (_, index) => ({
    url: absoluteUrl('https://news.example', `/world/2026/11/harbour-reopens-after-the-storm-${index}`),
    lastModified: new Date(Date.UTC(2026, 10, 1) + index * 600_000),
    image: {
      url: absoluteUrl('https://news.example', `/media/${(index * 2654435761).toString(16).padStart(12, '0')}/1600.jpg`),
      caption: `Cranes & boats at dawn as the harbour reopens after the storm, day ${index} — photograph by the desk`,
    },
  }));
  const median = async (render: () => Promise<string>) => {
    const times: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      const start = performance.now();
      await render();
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[10]?.toFixed(1);
  };
  assert.equal(await renderUrlset(entries, { image: true }), await libraryUrlset(entries, { image: true }));
  console.log(
    `4,200 entries with images, median of 20: library ${await median(() => libraryUrlset(entries, { image: true }))} ms, writer ${await median(() => renderUrlset(entries, { image: true }))} ms`,
  );
});
