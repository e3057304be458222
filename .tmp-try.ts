import { buildTestApp } from './test/helpers/test-app.ts';
const g = await buildTestApp({ dialect: (process.env.D as any) ?? 'sqlite' });
const qs = ['"', "'", '(', ')', '*', 'NEAR', 'NEAR/2', 'harbour NEAR/2 storm', 'AND OR NOT', '-', '^', ':', 'headline:harbour', '{}', '\\', '%', '_', "'; drop table articles; --", '<script>alert(1)</script>', '😀', '\u202Eharbour', '\u0000', '\u0001\u0007\u001b', 'a'.repeat(10000), '   ', '!!!???', 'harbour*', '"harbour', 'ship (', '\uE000harbour\uE001', 'Tomás', 'tomas', 'é'.repeat(300), 'x '.repeat(100)];
for (const q of qs) {
  const r = await g.app.inject({ url: '/search?q=' + encodeURIComponent(q) });
  const m = r.body.match(/search__count">([^<]*)|search__note[^>]*>([^<]*)/);
  console.log(r.statusCode, JSON.stringify(q.slice(0, 30)), m?.[1] ?? m?.[2]);
}
for (const url of ['/search?q=a&q=b', '/search?q=%ED%A0%80', '/search?q=%FF', '/search?section=nope&q=x', '/search?from=2026-02-31&q=x', '/search?from=abc', '/search?page=0&q=x', '/search?page=99&q=harbour', '/search?q=harbour&to=2026-01-01&from=2026-12-31']) {
  const r = await g.app.inject({ url });
  console.log(r.statusCode, url, (r.body.match(/<p class="collection__intro">([^<]*)/) ?? r.body.match(/search__count">([^<]*)/))?.[1]);
}
await g.close();
