import assert from 'node:assert/strict';
import { test } from 'node:test';
import { operationAnchor, renderApiDocsPage } from './api-docs-page.tsx';
import { problemCodes } from './api-docs-problems.ts';

const problemRef = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

const document = {
  openapi: '3.1.0',
  info: { title: 'Gazette API', version: '1', description: 'Use `Authorization`.' },
  servers: [{ url: 'https://news.example' }],
  tags: [
    { name: 'Content', description: 'What readers see.' },
    { name: 'Admin: Articles', description: 'Drafts <script>alert(1)</script> and more.' },
  ],
  paths: {
    '/api/v1/articles/{id}': {
      get: {
        tags: ['Content'],
        summary: 'One article',
        parameters: [{ in: 'path', name: 'id', required: true, schema: { type: 'integer', minimum: 1 } }],
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Article' } } } },
          404: { description: 'Not Found', content: problemRef },
        },
      },
    },
    '/api/v1/admin/articles': {
      post: {
        tags: ['Admin: Articles'],
        summary: 'Create a draft',
        security: [{ token: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['headline'],
                properties: {
                  headline: { type: 'string', maxLength: 200, description: 'The <b>headline</b>.' },
                  meta: { type: 'object', properties: { seoTitle: { anyOf: [{ type: 'string' }, { type: 'null' }] } } },
                  kind: {
                    anyOf: [
                      { type: 'string', enum: ['news'] },
                      { type: 'string', enum: ['opinion'] },
                    ],
                  },
                },
              },
              example: { headline: 'Ferry fares to rise' },
            },
          },
        },
        responses: {
          201: { description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Article' } } } },
          401: { description: 'No token was sent.', content: problemRef },
          422: { description: 'A field was refused; `errors` names each one.', content: problemRef },
        },
      },
    },
  },
  components: {
    schemas: {
      Article: {
        type: 'object',
        required: ['id'],
        properties: { id: { type: 'integer' }, bylines: { type: 'array', items: { $ref: '#/components/schemas/Byline' } } },
        examples: [{ id: 12, bylines: [] }],
      },
      Byline: { type: 'object', properties: { name: { type: 'string' } } },
      Problem: { type: 'object', properties: { code: { type: 'string' } } },
    },
  },
};

const html = renderApiDocsPage({ document, siteName: 'The Daily <Test>', stylesheetUrls: ['/assets/site.css', '/api/docs/x.css'], iconUrl: '/icon.svg' });

const idsIn = (markup: string) => new Set([...markup.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));

test('each operation is listed under its group with method, path, summary and who may call it', () => {
  const content = html.indexOf('id="tag-content"');
  const admin = html.indexOf('id="tag-admin-articles"');
  assert.ok(content > 0 && admin > content, 'the groups are missing or out of order');
  const get = html.indexOf(`id="${operationAnchor('get', '/api/v1/articles/{id}')}"`);
  const post = html.indexOf(`id="${operationAnchor('post', '/api/v1/admin/articles')}"`);
  assert.ok(get > content && get < admin && post > admin);
  assert.match(html, /<span class="api-method">GET<\/span> <code class="api-operation__path">\/api\/v1\/articles\/\{id\}<\/code>/);
  assert.match(html.slice(get, admin), /Public: no token needed/);
  assert.match(html.slice(post), /Needs a <a href="#authentication">token<\/a>/);
});

test('parameters, request fields (nested ones indented) and choices are drawn readably', () => {
  assert.match(
    html,
    /<h4>Parameters<\/h4><ul class="api-schema"><li><code class="api-schema__name">id<\/code> <span class="api-schema__type">integer<\/span> <span class="api-schema__in">in path<\/span> <span class="api-schema__required">required<\/span> <span class="api-schema__limits">at least 1<\/span>/,
  );
  assert.match(
    html,
    /<code class="api-schema__name">headline<\/code> <span class="api-schema__type">string<\/span> <span class="api-schema__required">required<\/span>/,
  );
  assert.match(html, /at most 200 characters/);
  // The nested object's fields are a list inside its field's item.
  assert.match(
    html,
    /<code class="api-schema__name">meta<\/code>.*?<ul class="api-schema"><li><code class="api-schema__name">seoTitle<\/code> <span class="api-schema__type">string or null<\/span>/s,
  );
  assert.match(html, /one of <code>&quot;news&quot;<\/code>, <code>&quot;opinion&quot;<\/code>/);
  assert.match(html, /Ferry fares to rise/);
});

test('shared schemas are linked to their entry, with its example; every in-page link leads somewhere', () => {
  assert.match(html, /<code>application\/json<\/code>: <a href="#schema-Article">Article<\/a>/);
  assert.match(html, /array of <a href="#schema-Byline">Byline<\/a>/);
  assert.match(html, /<h3 id="schema-Article">Article<\/h3>/);
  assert.match(html, /&quot;bylines&quot;: \[\]/);
  const ids = idsIn(html);
  const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!);
  assert.deepEqual(
    targets.filter((target) => !ids.has(target)),
    [],
  );
});

test('the Errors section has an anchor for each stable code, and error answers link the codes they may carry', () => {
  const ids = idsIn(html);
  for (const { code } of problemCodes) assert.ok(ids.has(`problem-${code.toLowerCase()}`), code);
  assert.match(html, /<a href="#problem-validation_failed"><code>VALIDATION_FAILED<\/code><\/a>, <a href="#problem-idempotency_conflict">/);
  assert.match(html, /<h2 id="authentication">Authentication<\/h2>/);
  assert.match(html, /npx gazette tokens create/);
});

test("the document's words are text, never markup, and the page has no script or inline style", () => {
  assert.ok(!html.includes('<script'), 'a script is on the page');
  assert.ok(!html.includes('<b>'), 'markup from a description was kept');
  assert.match(html, /Drafts &lt;script&gt;alert\(1\)&lt;\/script&gt; and more\./);
  assert.match(html, /<title>API reference \| The Daily &lt;Test&gt;<\/title>/);
  assert.doesNotMatch(html, /\sstyle=/);
  assert.match(html, /^<!DOCTYPE html><html lang="en" dir="ltr">/);
  assert.match(html, /<link rel="stylesheet" href="\/assets\/site.css"\/?><link rel="stylesheet" href="\/api\/docs\/x.css"\/?>/);
});

test('landmarks and headings: one h1, a skip link to main, navigation named by its heading', () => {
  assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
  assert.match(html, /<a class="skip-link" href="#main">/);
  assert.match(html, /<main id="main"/);
  assert.match(html, /<nav class="api-docs__contents" aria-labelledby="contents-heading"><h2 id="contents-heading">/);
  assert.match(html, /<header class="masthead">/);
  assert.match(html, /<footer class="site-footer">/);
});

test('a document with nothing in it still gives a page', () => {
  const bare = renderApiDocsPage({ document: {}, siteName: 'X', stylesheetUrls: [], iconUrl: '/i.svg' });
  assert.match(bare, /<h1 class="collection__heading">API<\/h1>/);
  assert.match(bare, /id="problem-not_found"/);
});
