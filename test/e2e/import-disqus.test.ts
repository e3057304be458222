import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importDisqus } from '../../src/imports/disqus/disqus-import.ts';
import { matchThread } from '../../src/imports/disqus/disqus-threads.ts';
import type { ImportDeps } from '../../src/imports/import-deps.ts';
import { type ImportReport, importWordPress, silentProgress } from '../../src/imports/index.ts';
import { xssPayloads } from '../fixtures/xss-payloads.ts';
import { assertNoActiveMarkup } from '../helpers/active-markup.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const wordPressFixture = fileURLToPath(new URL('../fixtures/imports/wordpress/', import.meta.url));
const disqusFixture = fileURLToPath(new URL('../fixtures/imports/disqus/export.xml', import.meta.url));

const articlePages = {
  seoul: '/world/seoul-night-markets',
  cairo: '/world/cairo-election-night-turnout',
  lyon: '/culture/lyon-fete-des-lumieres',
} as const;

function depsOf(gazette: TestGazette): ImportDeps {
  return { db: gazette.database.db, clock: { now: () => new Date('2026-12-01T12:00:00Z') }, changes: gazette.changes, files: gazette.mediaFiles };
}

function runDisqusImport(gazette: TestGazette, dryRun = false): Promise<ImportReport> {
  return importDisqus(depsOf(gazette), { open: () => createReadStream(disqusFixture), progress: silentProgress, dryRun });
}

async function countRows(gazette: TestGazette, table: 'comments' | 'import_records' | 'articles' | 'spam_tokens'): Promise<number> {
  const { n } = await gazette.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

async function commentRows(gazette: TestGazette) {
  return gazette.database.db
    .selectFrom('comments')
    .select(['id', 'article_id', 'parent_id', 'status', 'author_name', 'author_email', 'ip_address', 'body'])
    .orderBy('id')
    .execute();
}

describe('a Disqus export, imported after the WordPress archive it was the comments of', () => {
  let gazette: TestGazette;
  let dryRun: ImportReport;
  let report: ImportReport;
  let commentsBeforeDisqus: number;
  let recordsBeforeDisqus: number;
  let commentsAfterDryRun: number;
  let recordsAfterDryRun: number;
  before(async () => {
    gazette = await buildTestApp({ seed: false });
    await importWordPress(depsOf(gazette), {
      open: () => createReadStream(`${wordPressFixture}export.xml`),
      progress: silentProgress,
      uploadsDir: `${wordPressFixture}uploads`,
    });
    commentsBeforeDisqus = await countRows(gazette, 'comments');
    recordsBeforeDisqus = await countRows(gazette, 'import_records');
    dryRun = await runDisqusImport(gazette, true);
    commentsAfterDryRun = await countRows(gazette, 'comments');
    recordsAfterDryRun = await countRows(gazette, 'import_records');
    report = await runDisqusImport(gazette);
  });
  after(() => gazette.close());

  test('the report counts what came in and says what did not, and why', () => {
    assert.equal(report.total('comments', 'created'), 8);
    assert.equal(report.total('comments', 'unchanged'), 1, 'the comment WordPress brought in already');
    assert.equal(report.total('comments', 'skipped'), 1);
    assert.equal(report.total('threads', 'skipped'), 1);
    const reasons = report.notes.map((note) => `${note.kind} ${note.sourceId}: ${note.reason}`);
    const unmatched = 'http://news.example.org/2023/05/tram-strike-ends/';
    assert.ok(
      reasons.some((reason) => reason.startsWith(`threads 9870001004: its link ${unmatched} is neither`)),
      reasons.join('\n'),
    );
    assert.ok(reasons.some((reason) => reason === `comments 6100000010: its thread’s link ${unmatched} matches no article in Gazette`));
    assert.ok(reasons.some((reason) => /^comments 6100000009: the same comment as WordPress comment 11.*not duplicated/.test(reason)));
    assert.match(report.toText(), /comments\s+8 created, 1 unchanged, 1 skipped/);
  });

  test('a dry run first wrote nothing and reported the same', () => {
    assert.equal(commentsAfterDryRun, commentsBeforeDisqus);
    assert.equal(recordsAfterDryRun, recordsBeforeDisqus);
    assert.deepEqual(dryRun.toJSON().counts, report.toJSON().counts);
    assert.deepEqual(dryRun.notes, report.notes);
    assert.match(dryRun.toText(), /^Dry run: nothing was written/);
  });

  test('comments land on the articles their threads were about, the one by its old slug too', async () => {
    const seoul = await gazette.app.inject({ url: articlePages.seoul });
    assert.equal(seoul.statusCode, 200);
    assert.match(seoul.body, /the bindaetteok queue was forty minutes long/);
    assert.match(seoul.body, /Go before nine\./);
    assert.match(seoul.body, /정말 맛있어요! 다음 주에 또 갈게요\./);
    const cairo = await gazette.app.inject({ url: articlePages.cairo });
    assert.match(cairo.body, /شكراً على التغطية الدقيقة &amp; السريعة\./, 'the thread linked to the old slug of post 9');
    assert.match(cairo.body, /The Giza number in the table looks wrong/);
    assert.match(cairo.body, /It was 44%\. We have corrected the article/);
    const lyon = await gazette.app.inject({ url: articlePages.lyon });
    assert.equal(lyon.body.match(/<bdi>Élodie<\/bdi>/g)?.length, 1, 'the comment in both exports is shown once');
    assert.equal((await commentRows(gazette)).filter((row) => row.body.includes('Les marrons')).length, 1);
  });

  test('a thread is matched by its link alone (old permalink, old slug, ?p=, Gazette’s address) or by the plugin’s identifier', async () => {
    const { db } = gazette.database;
    const now = new Date('2026-12-01T12:00:00Z');
    const idOf = async (slug: string) => (await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    const cairo = await idOf('cairo-election-night-turnout');
    const seoul = await idOf('seoul-night-markets');
    const match = (link: string, identifier = '') => matchThread(db, { link, identifier }, now);
    assert.equal(await match('http://news.example.org/2025/03/cairo-votes-first-results/'), cairo, 'the old slug');
    assert.equal(await match('https://www.news.example.org/2025/03/seoul-night-markets/?utm_source=x'), seoul, 'another host and scheme');
    assert.equal(await match('http://news.example.org/?p=9'), cairo);
    assert.equal(await match(`https://news.example${articlePages.seoul}`), seoul, 'Gazette’s own address');
    assert.equal(await match('https://news.example/world/cairo-votes-first-results'), undefined, 'an address no one ever had');
    assert.equal(await match('http://elsewhere.example/page', '9 http://news.example.org/?p=9'), cairo, 'the identifier');
    assert.equal(await match('http://news.example.org/2023/05/tram-strike-ends/'), undefined);
  });

  test('spam and deleted posts keep their state and stay off the page; the deleted reply is in the trash', async () => {
    const rows = await commentRows(gazette);
    const byBody = (text: string) => rows.filter((row) => row.body.includes(text));
    assert.equal(byBody('Cheap flights to Seoul')[0]?.status, 'spam');
    assert.equal(byBody('This comment was deleted.')[0]?.status, 'trash');
    const seoul = await gazette.app.inject({ url: articlePages.seoul });
    assert.doesNotMatch(seoul.body, /Cheap flights|spam\.example|This comment was deleted/);
  });

  test('threads keep their depth: replies three deep on two threads, each under its parent', async () => {
    const rows = await commentRows(gazette);
    const one = (text: string) => {
      const found = rows.filter((row) => row.body.includes(text));
      assert.equal(found.length, 1, text);
      return found[0]!;
    };
    const mina = one('bindaetteok');
    const jae = one('Go before nine');
    const seoyeon = one('정말 맛있어요');
    assert.equal(mina.parent_id, null);
    assert.equal(jae.parent_id, mina.id);
    assert.equal(seoyeon.parent_id, jae.id);
    assert.equal(one('This comment was deleted.').parent_id, mina.id);
    const layla = one('السريعة');
    const karim = one('The Giza number');
    assert.equal(karim.parent_id, layla.id);
    assert.equal(one('It was 44%').parent_id, karim.id);
    assert.equal(new Set([layla, karim].map((row) => row.article_id)).size, 1);
    assert.notEqual(layla.article_id, mina.article_id);
  });

  test('authors are kept with their e-mail and address for the newsroom; anonymous ones with none', async () => {
    const rows = await commentRows(gazette);
    const seoyeon = rows.find((row) => row.author_name === '서연')!;
    assert.equal(seoyeon.author_email, '');
    assert.equal(seoyeon.ip_address, '192.0.2.23');
    const omar = rows.find((row) => row.body.includes('It was 44%'))!;
    assert.equal(omar.author_name, 'Omar Haddad');
    assert.equal(omar.author_email, 'omar.haddad@news.example.org');
  });

  test('article pages show no e-mail or IP address, and no markup that could run', async () => {
    for (const url of Object.values(articlePages)) {
      const page = await gazette.app.inject({ url });
      assert.equal(page.statusCode, 200, url);
      assert.doesNotMatch(page.body, /[\w.-]+@(?:[\w-]+\.)*example\.(?:com|fr)|@spam\.example|omar\.haddad@|192\.0\.2\.|198\.51\.100\./, url);
      assertNoActiveMarkup(page.body, url);
    }
  });

  test('running it again creates nothing and changes nothing', async () => {
    const before = await commentRows(gazette);
    const records = await countRows(gazette, 'import_records');
    const again = await runDisqusImport(gazette);
    assert.deepEqual(await commentRows(gazette), before);
    assert.equal(await countRows(gazette, 'import_records'), records);
    assert.equal(again.total('comments', 'created'), 0);
    assert.equal(again.total('comments', 'updated'), 0);
    assert.equal(again.total('comments', 'unchanged'), 9);
    const dryAgain = await runDisqusImport(gazette, true);
    assert.deepEqual(dryAgain.toJSON().counts, again.toJSON().counts);
  });
});

describe('a Disqus export written to attack the importer', () => {
  const hostile = xssPayloads
    .map((payload) => payload.text)
    .join(' ')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
  const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
  const post = (id: string, thread: string, parent: string, extra = '') =>
    `<post dsq:id="${id}"><message>${cdata(`<p>${hostile}</p><a href="javascript:alert(1)">x</a>`)}</message><createdAt>not a date</createdAt>
      <author><email>${cdata(hostile)}</email><name>${cdata(hostile)}</name></author><ipAddress>${cdata(hostile)}</ipAddress>
      <thread dsq:id="${thread}"/>${parent ? `<parent dsq:id="${parent}"/>` : ''}${extra}</post>`;
  let gazette: TestGazette;
  let report: ImportReport;
  let url: string;
  before(async () => {
    gazette = await buildTestApp();
    const article = await gazette.database.db
      .selectFrom('articles')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .select(['articles.slug', 'sections.slug as section'])
      .where('articles.status', '=', 'published')
      .orderBy('articles.id')
      .executeTakeFirstOrThrow();
    url = `/${encodeURIComponent(article.section)}/${encodeURIComponent(article.slug)}`;
    const file = `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
<thread dsq:id="1"><link>${cdata(`https://news.example${url}`)}</link><title>${cdata(hostile)}</title></thread>
<thread dsq:id="2"><link>javascript:alert(1)</link><title>${cdata(hostile)}</title></thread>
${post('10', '1', '11')}
${post('11', '1', '10')}
${post('12', '2', '')}
${post('13', '9', '')}
<post><message>no id</message><thread dsq:id="1"/></post>
</disqus>`;
    report = await importDisqus(depsOf(gazette), { open: () => Readable.from([file]), progress: silentProgress });
  });
  after(() => gazette.close());

  test('the page shows the comments as text, with no markup that could run', async () => {
    const page = await gazette.app.inject({ url });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /alert\(1\)/, 'the words are kept, as text');
    assertNoActiveMarkup(page.body, url);
    assert.equal(report.total('comments', 'created'), 2);
  });

  test('two posts naming each other as parent make no loop: the first is shown as a new thread', async () => {
    const [first, second] = (await commentRows(gazette)).slice(-2);
    assert.equal(first!.parent_id, null);
    assert.equal(second!.parent_id, first!.id);
    assert.equal(first!.ip_address, null, 'an address that is not an IP address is dropped');
    assert.equal(first!.author_email, '', 'an e-mail that is not one is dropped');
    const reasons = report.notes.map((note) => `${note.sourceId}: ${note.outcome}, ${note.reason}`);
    assert.ok(reasons.includes('10: changed, its parent comment 11 was not imported before it: shown as a new thread'), reasons.join('\n'));
    assert.ok(reasons.includes('10: changed, it has no readable date: dated the time of the import'));
    assert.ok(reasons.includes('12: skipped, its thread’s link javascript:alert(1) matches no article in Gazette'));
    assert.ok(reasons.includes('13: skipped, its thread 9 is not in the file'));
    assert.ok(reasons.includes('(none): skipped, it has no Disqus id (dsq:id)'));
  });
});
