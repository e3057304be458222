import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { articleLinks, jsonLdBlocks, metaContent, positionOf } from '../helpers/html.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

// The whole reader path, from migration and seeding to rendering.
describe('article page', () => {
  let gazette: TestGazette;
  let articleUrl: string;
  let html: string;

  before(async () => {
    gazette = await buildTestApp();
    const home = await gazette.app.inject({ url: '/' });
    articleUrl = articleLinks(home.body)[0]!;
    const response = await gazette.app.inject({ url: articleUrl });
    assert.equal(response.statusCode, 200);
    html = response.body;
  });
  after(() => gazette.close());

  test('the article page has its parts in the newsroom order', () => {
    const order = [
      /<p class="kicker"><a href="\/[a-z0-9-]+">/,
      /<h1[^>]*>/,
      /<p class="standfirst">/,
      /<p class="byline">By <a rel="author" href="\/author\/[a-z0-9-]+">/,
      /<span class="dateline">[A-Z ’'-]+ —<\/span> <time datetime="\d{4}-\d\d-\d\dT[\d:.]+Z">/,
      /<figure class="figure">/,
      /<div class="article__body">/,
      /<ul class="tag-list">/,
      /<aside class="related"/,
      /<section id="comments"/,
      /<a class="back-to-top" href="#top">/,
    ];
    const positions = order.map((pattern) => positionOf(html, pattern));
    assert.deepEqual(
      positions,
      [...positions].sort((a, b) => a - b),
    );
    assert.match(html, /<header class="masthead" id="top" tabindex="-1">/, 'the Back to top link has a focusable target');
  });

  test('the featured photo is responsive, sized, prioritised and credited apart from its caption', () => {
    const figure = html.slice(html.indexOf('<figure class="figure">'), html.indexOf('</figure>') + 9);
    assert.match(figure, /<source type="image\/avif" srcset="[^"]+480\.avif 480w[^"]*" sizes="[^"]+"/);
    assert.match(figure, /<source type="image\/webp" srcset="[^"]+\.webp \d+w/);
    const img = figure.match(/<img [^>]+>/)![0];
    for (const attribute of ['src="/media/', 'srcset="', 'sizes="', 'width="', 'height="', 'alt="', 'fetchpriority="high"']) {
      assert.ok(img.includes(attribute), `img has ${attribute}`);
    }
    assert.ok(!img.includes('loading="lazy"'), 'the main photo is not lazy-loaded');
    const alt = img.match(/alt="([^"]*)"/)![1]!;
    const caption = figure.match(/<span class="figure__text">([^<]*)<\/span>/)![1]!;
    const credit = figure.match(/<span class="figure__credit">Photo: ([^<]+)<\/span>/)![1]!;
    assert.ok(alt.length > 10 && caption.length > 10 && credit.length > 1);
    assert.notEqual(alt, caption, 'alt text describes the picture; it is not the caption');
    assert.ok(!caption.includes(credit), 'the credit is its own element, not part of the caption');
  });

  test('the head carries title, description, canonical, OpenGraph and Twitter tags', () => {
    const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    assert.equal(canonical, `https://news.example${articleUrl}`);
    assert.match(html, /<title>[^<]+ \| The Meridian Gazette<\/title>/);
    assert.ok((metaContent(html, 'name', 'description') ?? '').length > 20);
    assert.equal(metaContent(html, 'property', 'og:type'), 'article');
    assert.equal(metaContent(html, 'property', 'og:url'), canonical);
    assert.match(metaContent(html, 'property', 'og:image') ?? '', /^https:\/\/news\.example\/media\/.+\.jpg$/);
    assert.equal(metaContent(html, 'name', 'twitter:card'), 'summary_large_image');
    assert.ok(metaContent(html, 'property', 'article:published_time'));
  });

  test('JSON-LD describes a NewsArticle with everything search engines require', () => {
    const article = jsonLdBlocks(html).find((block) => [block['@type']].flat().includes('NewsArticle')) as Record<string, any>;
    assert.deepEqual(article['@type'], ['NewsArticle', 'ReportageNewsArticle'], 'the demo articles are news reporting');
    assert.ok(article, 'a NewsArticle block');
    assert.equal(article['@context'], 'https://schema.org');
    assert.ok(article.headline.length > 10);
    const [image] = article.image;
    assert.match(image.url, /^https:\/\/news\.example\/media\//);
    assert.ok(image.width > 0 && image.height > 0);
    assert.ok(!Number.isNaN(Date.parse(article.datePublished)) && !Number.isNaN(Date.parse(article.dateModified)));
    assert.ok(article.author.length >= 1);
    for (const author of article.author) {
      assert.equal(author['@type'], 'Person');
      assert.match(author.url, /^https:\/\/news\.example\/author\/[a-z0-9-]+$/);
    }
    assert.equal(article.publisher.name, 'The Meridian Gazette');
    assert.match(article.publisher['@type'], /Organization$/);
    assert.ok(article.publisher.logo.url && article.publisher.logo.width > 0 && article.publisher.logo.height > 0);
    assert.equal(article.mainEntityOfPage['@id'], `https://news.example${articleUrl}`);
  });

  test('an article edited well after publication says "Updated" with its own time', async () => {
    const pages = await Promise.all(articleLinks((await gazette.app.inject({ url: '/' })).body).map((url) => gazette.app.inject({ url })));
    const updated = pages.filter((page) => page.body.includes('class="article__updated"'));
    assert.ok(updated.length >= 1, 'the demo has updated articles');
    for (const page of updated) {
      const [published, modified] = [...page.body.matchAll(/<time datetime="([^"]+)">/g)].map((match) => Date.parse(match[1]!));
      assert.ok(modified! > published!);
    }
  });
});
