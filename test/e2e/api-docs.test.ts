import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { problemCodes } from '../../src/api/reference/api-docs-problems.ts';
import { fetchOpenApiDocument, type OpenApiDocument } from '../helpers/openapi.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const methods = ['get', 'put', 'post', 'delete', 'patch'];

/** Text as the JSX runtime writes it into the page. */
const escaped = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');

const idsIn = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));

describe('the API reference at /api/docs', () => {
  let gazette: TestGazette;
  let document: OpenApiDocument;
  let html: string;

  before(async () => {
    gazette = await buildTestApp();
    document = await fetchOpenApiDocument(gazette.app);
    const response = await gazette.app.inject({ url: '/api/docs' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/html/);
    html = response.body;
  });
  after(() => gazette.close());

  test('shows every operation of the OpenAPI document, under its group, with its path and summary', () => {
    let count = 0;
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      for (const method of methods.filter((name) => item[name])) {
        const operation = item[method] as { tags?: string[]; summary?: string };
        const anchor = `op-${method}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
        const at = html.indexOf(`id="${anchor}"`);
        assert.ok(at > 0, `${method.toUpperCase()} ${path} is not on the page`);
        assert.ok(html.slice(at, at + 600).includes(`<code class="api-operation__path">${path}</code>`), `${method.toUpperCase()} ${path}: no path`);
        if (operation.summary) assert.ok(html.slice(at, at + 800).includes(escaped(operation.summary)), `${path}: no summary`);
        count++;
      }
    }
    assert.ok(count > 0, 'the document has no operation');
  });

  test('every link inside the page leads to something on it, and every stable code has its anchor', () => {
    const ids = idsIn(html);
    const broken = [...html.matchAll(/href="#([^"]*)"/g)].map((match) => match[1]!).filter((target) => !ids.has(target));
    assert.deepEqual(broken, []);
    for (const { code } of problemCodes) assert.ok(ids.has(`problem-${code.toLowerCase()}`), code);
    for (const name of Object.keys((document.components?.schemas as object | undefined) ?? {})) assert.ok(ids.has(`schema-${name}`), name);
  });

  test('the `type` of each real problem answer points to its entry on the page', async () => {
    const answers = [
      await gazette.app.inject({ url: '/api/v1/no-such-thing' }),
      await gazette.app.inject({ url: '/api/v1/admin/articles/1', headers: { authorization: 'Bearer nope' } }),
    ];
    assert.deepEqual(
      answers.map((answer) => answer.statusCode),
      [404, 401],
    );
    for (const answer of answers) {
      const [path, anchor] = answer.json<{ type: string }>().type.split('#');
      assert.equal(path, '/api/docs');
      assert.ok(idsIn(html).has(anchor!), `${anchor} is not an anchor on the page`);
    }
  });

  test('has no script and nothing from another origin, and is sent under the site CSP', async () => {
    assert.ok(!/<script/i.test(html));
    assert.doesNotMatch(html, /\sstyle=/);
    const external = [...html.matchAll(/\s(?:src|href)="((?:https?:)?\/\/[^"]*)"/g)].map((match) => match[1]);
    assert.deepEqual(external, []);
    const response = await gazette.app.inject({ url: '/api/docs' });
    assert.match(String(response.headers['content-security-policy']), /script-src 'self'/);
  });

  test('its stylesheets are served, its own for a year under a name that changes with its content', async () => {
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]!);
    assert.equal(sheets.length, 2);
    for (const sheet of sheets) {
      const response = await gazette.app.inject({ url: sheet });
      assert.equal(response.statusCode, 200, sheet);
      assert.match(String(response.headers['content-type']), /^text\/css/);
    }
    const own = await gazette.app.inject({ url: sheets[1]! });
    assert.match(sheets[1]!, /^\/api\/docs\/api-docs\.[0-9a-f]{12}\.css$/);
    assert.equal(own.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(own.body, /\.api-operation/);
  });

  test('is kept like a reader page: rendered once, revalidated with its ETag, and redrawn when the site is renamed', async () => {
    const again = await gazette.app.inject({ url: '/api/docs' });
    assert.equal(again.headers['x-cache'], 'HIT');
    assert.equal(again.headers['cache-control'], 'public, max-age=0, must-revalidate, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400');
    const etag = String(again.headers.etag);
    const unchanged = await gazette.app.inject({ url: '/api/docs', headers: { 'if-none-match': etag } });
    assert.equal(unchanged.statusCode, 304);
    const name = gazette.settings.current().name;
    await gazette.settings.update({ name: 'The Renamed Courier' });
    const renamed = await gazette.app.inject({ url: '/api/docs' });
    assert.equal(renamed.headers['x-cache'], 'MISS');
    assert.match(renamed.body, /The Renamed Courier/);
    assert.ok(!renamed.body.includes(`>${name}<`));
  });
});
