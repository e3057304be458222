import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

describe('oEmbed provider', () => {
  let gazette: TestGazette;
  let articlePath: string;

  before(async () => {
    gazette = await buildTestApp();
    const home = await gazette.app.inject('/');
    articlePath = /<a[^>]+href="(\/world\/[^"]+)"/.exec(home.body)?.[1] ?? '';
    assert.ok(articlePath, 'the demo home page links a world story');
  });
  after(() => gazette.close());

  const oembed = (query: Record<string, string>) => gazette.app.inject({ url: `/oembed?${new URLSearchParams(query)}` });

  test('the article page names its card, and the card describes the article', async () => {
    const page = await gazette.app.inject(articlePath);
    const discovery = /<link rel="alternate" type="application\/json\+oembed" title="[^"]*" href="([^"]+)"/.exec(page.body);
    assert.ok(discovery, 'discovery link in the head');
    const href = new URL(discovery[1]!.replaceAll('&amp;', '&'));
    assert.equal(href.origin, 'https://news.example');
    const answer = await gazette.app.inject(`${href.pathname}${href.search}`);
    assert.equal(answer.statusCode, 200);
    assert.match(String(answer.headers['content-type']), /^application\/json/);
    const card = answer.json();
    const headline = /<h1[^>]*>([^<]+)<\/h1>/.exec(page.body)?.[1];
    assert.equal(card.version, '1.0');
    assert.equal(card.type, 'rich');
    assert.equal(card.title, headline);
    assert.equal(card.provider_url, 'https://news.example/');
    assert.ok(card.author_name);
    assert.match(card.thumbnail_url, /^https:\/\/news\.example\/media\//);
    assert.match(card.html, /^<blockquote class="gazette-embed"/);
    assert.ok(card.html.includes(`href="https://news.example${articlePath}"`));
    assert.doesNotMatch(card.html, /<script|<iframe/);
    assert.equal(card.width, 600);
  });

  test('maxwidth is respected; other formats, other sites and unknown articles are refused', async () => {
    const url = `https://news.example${articlePath}`;
    assert.equal((await oembed({ url, maxwidth: '320' })).json().width, 320);
    assert.equal((await oembed({ url, format: 'xml' })).statusCode, 501);
    assert.equal((await oembed({ url: `https://elsewhere.example${articlePath}` })).statusCode, 404);
    assert.equal((await oembed({ url: 'https://news.example/world/no-such-story' })).statusCode, 404);
    assert.equal((await oembed({ url: 'not a url' })).statusCode, 404);
    assert.equal((await gazette.app.inject('/oembed')).statusCode, 400);
  });
});
