import assert from 'node:assert/strict';
import { test } from 'node:test';
import { namespaces, readXml } from '../../test/helpers/xml.ts';
import { renderSitemapIndex, renderUrlset, type SitemapEntry } from './sitemap-documents.ts';
import { entriesPerSitemap } from './sitemap-plan.ts';

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
