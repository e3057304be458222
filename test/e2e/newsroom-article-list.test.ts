import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createArticle, publishArticle, requestReview, trashArticle } from '../../src/articles/index.ts';
import { createAuthor } from '../../src/authors/index.ts';
import { createSection } from '../../src/sections/index.ts';
import { findOrCreateTag } from '../../src/tags/index.ts';
import type { FormClient } from '../helpers/form-client.ts';
import { signInTestStaff, type TestStaff } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette, testNow } from '../helpers/test-app.ts';
import { bylinesInMenu } from '../../src/admin/articles/article-list.routes.ts';

// The newsroom's article list as a night editor uses it: search, filters, sorting and pages, all
// in the address, so every link keeps them; and a writer's list stays their own whatever they ask.

const korean = '부산항 화재 진압';
const arabic = 'القاهرة تفتتح خط ترام';
const hostile = 'Ferry fares: 50% off_peak for "students" <b>bold</b>';
const diaryDays = 55;

/** Text as the page shows it: tags dropped, the few entities the renderer writes decoded. */
function textOf(html: string): string {
  return html
    .replace(/<span class="visually-hidden">[\s\S]*?<\/span>/g, '')
    .replace(/<a class="view-link"[\s\S]*?<\/a>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The headline of each row, in order. */
function headlinesOf(body: string): string[] {
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
  return [...tbody.matchAll(/<tr>\s*<td>([\s\S]*?)<\/td>/g)].map((row) => textOf(row[1]!));
}

function ledeOf(body: string): string {
  return textOf(/<p class="admin-lede">([^<]*)<\/p>/.exec(body)![1]!);
}

/** The `<th>` of a column, by its label. */
function headingOf(body: string, label: string): string {
  const heading = [...body.matchAll(/<th scope="col"[^>]*>[\s\S]*?<\/th>/g)].map((match) => match[0]).find((th) => textOf(th).startsWith(label));
  assert.ok(heading, `a ${label} column`);
  return heading;
}

function hrefOf(html: string): string {
  return /href="([^"]*)"/.exec(html)![1]!.replace(/&amp;/g, '&');
}

describe('the article list: search, filters, sorting and pages', () => {
  let gazette: TestGazette;
  let staff: TestStaff;
  let editor: FormClient;
  const ids = { world: 0, science: 0, culture: 0, amara: 0, jiwon: 0, zed: 0 };

  const get = async (url: string, browser = editor) => {
    const response = await browser.get(url);
    assert.equal(response.statusCode, 200, url);
    return response.body;
  };
  const headlines = async (url: string, browser = editor) => headlinesOf(await get(url, browser));
  /** Without the diary, which fills pages of its own. */
  const stories = async (url: string, browser = editor) => (await headlines(url, browser)).filter((headline) => !headline.startsWith('Harbour diary'));

  before(async () => {
    gazette = await buildTestApp({ seed: false });
    staff = await signInTestStaff(gazette, ['editor', 'contributor'], { namePrefix: 'List' });
    editor = await staff.browserAs('editor');
    const { db } = gazette.database;
    const userId = async (name: string) => (await db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const [editorId, contributorId] = [await userId('List editor'), await userId('List contributor')];
    ids.world = (await createSection(db, { name: 'World', position: 0 })).id;
    ids.science = (await createSection(db, { name: 'Science', position: 1 })).id;
    ids.culture = (await createSection(db, { name: 'Culture', position: 2 })).id;
    ids.amara = (await createAuthor(db, { slug: 'amara-okafor', name: 'Amara Okafor', jobTitle: '', bio: '' })).id;
    ids.jiwon = (await createAuthor(db, { slug: 'ji-won-park', name: 'Ji-won Park', jobTitle: '', bio: '' })).id;
    ids.zed = (await createAuthor(db, { slug: 'zed-ahmed', name: 'Zed Ahmed', jobTitle: '', bio: '' })).id;
    const trams = (await findOrCreateTag(db, { name: 'Trams' })).id;
    const diary = (await findOrCreateTag(db, { name: 'Diary' })).id;

    let now = new Date(testNow.getTime() - 86_400_000);
    const deps = { db, clock: { now: () => now }, changes: gazette.changes };
    const write = async (headline: string, fields: { sectionId?: number; authorIds?: number[]; tagIds?: number[] }, by = editorId) => {
      now = new Date(now.getTime() + 60_000);
      return (await createArticle(deps, { headline, sectionId: null, authorIds: [], tagIds: [], ...fields }, { actorId: by })).id;
    };
    for (let day = 1; day <= diaryDays; day++) await write(`Harbour diary, day ${String(day).padStart(2, '0')}`, { sectionId: ids.culture, tagIds: [diary] });
    await write('Apple harvest beats forecast', { sectionId: ids.world, authorIds: [ids.jiwon] });
    await write('Secret mayor draft', { sectionId: ids.world, authorIds: [ids.amara] });
    await publishArticle(
      deps,
      await write('Bridge vote delayed', { sectionId: ids.science, authorIds: [ids.amara, ids.jiwon] }),
      new Date(now.getTime() - 3_600_000),
    );
    await publishArticle(deps, await write(korean, { sectionId: ids.world, authorIds: [ids.zed], tagIds: [trams] }), new Date(testNow.getTime() + 86_400_000));
    await requestReview(deps, await write(hostile, {}, contributorId));
    await publishArticle(
      deps,
      await write(arabic, { sectionId: ids.science, authorIds: [ids.zed], tagIds: [trams] }, contributorId),
      new Date(now.getTime() - 7_200_000),
    );
    await trashArticle(deps, await write('Zoo keepers strike', { sectionId: ids.world, authorIds: [ids.amara] }));
  });
  after(() => gazette.close());

  test('a GET form above the table, with a label for each control, and the columns a night editor needs', async () => {
    const body = await get('/admin');
    assert.match(body, /<form method="get" action="\/admin" class="article-filters" role="search" aria-label="Find articles">/);
    assert.ok(body.indexOf('class="article-filters"') < body.indexOf('<table'), 'the form comes before the table');
    for (const [name, label] of [
      ['q', 'Search'],
      ['status', 'Status'],
      ['section', 'Section'],
      ['author', 'Byline'],
      ['tag', 'Tag'],
    ]) {
      assert.match(body, new RegExp(`<label for="field-${name}">${label}</label>`), name);
      assert.match(body, new RegExp(`<(input|select) id="field-${name}" name="${name}"`), name);
    }
    assert.match(body, /<option value="review">In review<\/option>/);
    assert.match(body, new RegExp(`<option value="${ids.jiwon}">Ji-won Park</option>`));
    assert.doesNotMatch(body, /Clear filters/, 'nothing to clear yet');
    assert.equal(ledeOf(body), `${diaryDays + 6} articles, most recently edited first.`);
    const labels = [...body.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((match) => textOf(match[1]!).replace(/ [▲▼]$/, ''));
    assert.deepEqual(labels, ['Headline', 'Status', 'Section', 'Byline(s)', 'Goes live / Published', 'Last edited']);
    assert.match(headingOf(body, 'Last edited'), /aria-sort="descending"/, 'most recently edited first, as before');
    // Bridge was published before the diary was written, so it is on the second page of the unfiltered list.
    const bridge = /<tr>\s*<td><a href="\/admin\/articles\/\d+">Bridge vote delayed<\/a>[\s\S]*?<\/tr>/.exec(await get('/admin?page=2'))![0];
    assert.match(bridge, /<td data-label="Byline\(s\)">Amara Okafor, Ji-won Park<\/td>/, 'bylines in order');
    assert.match(bridge, /<td data-label="Goes live \/ Published"><time datetime="[^"]+">/);
    const apple = /<tr>\s*<td><a href="\/admin\/articles\/\d+">Apple harvest beats forecast<\/a>[\s\S]*?<\/tr>/.exec(body)![0];
    assert.match(apple, /<td data-label="Goes live \/ Published">—<\/td>/, 'a draft has no go-live time');
    const scheduled = new RegExp(`<tr>\\s*<td><a href="/admin/articles/\\d+">${korean}</a>[\\s\\S]*?</tr>`).exec(body)![0];
    assert.match(scheduled, /Scheduled<\/span> <span class="status-when">for <time/, 'the scheduled time stays in the status');
  });

  test('search matches headlines and standfirsts ignoring case, in any script, and the lede says how many match', async () => {
    const body = await get('/admin?q=BRIDGE');
    assert.deepEqual(headlinesOf(body), ['Bridge vote delayed']);
    assert.equal(ledeOf(body), `1 of ${diaryDays + 6} articles matches, most recently edited first.`);
    assert.match(
      body,
      /<input id="field-q" name="q" type="search" value="BRIDGE" maxlength="200" aria-describedby="field-q-hint"\/>/,
      'the box keeps what was typed',
    );
    assert.equal(hrefOf(/<a [^>]*>Clear filters<\/a>/.exec(body)![0]), '/admin');
    assert.deepEqual(await headlines(`/admin?q=${encodeURIComponent('화재')}`), [korean]);
    assert.deepEqual(await headlines(`/admin?q=${encodeURIComponent('تفتتح')}`), [arabic]);
    assert.deepEqual(await headlines('/admin?q=harvest+beats'), ['Apple harvest beats forecast'], 'a form sends spaces as +');
    assert.equal(ledeOf(await get('/admin?q=diary')), `${diaryDays} of ${diaryDays + 6} articles match, most recently edited first.`);
  });

  test('each filter narrows the list, and they combine', async () => {
    assert.deepEqual(await stories('/admin?status=draft'), ['Secret mayor draft', 'Apple harvest beats forecast']);
    assert.deepEqual(await headlines('/admin?status=review'), [hostile]);
    assert.deepEqual(await headlines('/admin?status=scheduled'), [korean]);
    assert.deepEqual(await headlines('/admin?status=published'), ['Bridge vote delayed', arabic]);
    assert.deepEqual(await headlines(`/admin?section=${ids.science}`), ['Bridge vote delayed', arabic]);
    assert.deepEqual(await headlines(`/admin?author=${ids.jiwon}`), ['Apple harvest beats forecast', 'Bridge vote delayed']);
    assert.deepEqual(await headlines('/admin?tag=trams'), [korean, arabic]);
    assert.deepEqual(await headlines(`/admin?author=${ids.zed}&status=published`), [arabic]);
    assert.deepEqual(await headlines(`/admin?q=vote&section=${ids.world}`), []);
    const body = await get(`/admin?status=published&section=${ids.science}&author=${ids.amara}&tag=`);
    assert.deepEqual(headlinesOf(body), ['Bridge vote delayed']);
    assert.match(body, /<option value="published" selected="">Published<\/option>/, 'the form shows the filters in use');
    assert.match(body, new RegExp(`<option value="${ids.science}" selected="">Science</option>`));
    assert.match(body, new RegExp(`<option value="${ids.amara}" selected="">Amara Okafor</option>`));
    const empty = await get('/admin?q=&status=&section=&author=&tag=');
    assert.equal(headlinesOf(empty).length, 50, 'an empty form is no filter');
    assert.doesNotMatch(empty, /Clear filters/);
  });

  test('every column sorts both ways from its heading, which says so with aria-sort', async () => {
    const columns = [
      ['headline', 'Headline', 'asc'],
      ['status', 'Status', 'asc'],
      ['section', 'Section', 'asc'],
      ['byline', 'Byline(s)', 'asc'],
      ['goes-live', 'Goes live / Published', 'desc'],
      ['edited', 'Last edited', 'desc'],
    ] as const;
    const unsorted = await get('/admin?status=published');
    for (const [key, label, first] of columns) {
      if (key !== 'edited') assert.equal(hrefOf(headingOf(unsorted, label)), `/admin?status=published&sort=${key}&dir=${first}`, `${label} starts ${first}`);
      for (const direction of ['asc', 'desc'] as const) {
        const body = await get(`/admin?status=published&sort=${key}&dir=${direction}`);
        const heading = headingOf(body, label);
        assert.match(heading, new RegExp(`aria-sort="${direction === 'asc' ? 'ascending' : 'descending'}"`), `${key} ${direction}`);
        assert.equal([...body.matchAll(/aria-sort=/g)].length, 1, 'only the sorted column says it is sorted');
        const back = hrefOf(heading);
        const turned = direction === 'asc' ? 'desc' : 'asc';
        assert.equal(back, key === 'edited' && turned === 'desc' ? '/admin?status=published' : `/admin?status=published&sort=${key}&dir=${turned}`);
      }
    }
    assert.deepEqual(await stories('/admin?sort=headline&dir=asc&q=e'), ['Apple harvest beats forecast', 'Bridge vote delayed', hostile, 'Secret mayor draft']);
    assert.deepEqual(await stories('/admin?sort=headline&dir=desc&q=e'), [
      'Secret mayor draft',
      hostile,
      'Bridge vote delayed',
      'Apple harvest beats forecast',
    ]);
    assert.deepEqual(await stories(`/admin?sort=byline&dir=asc&section=${ids.world}`), ['Secret mayor draft', 'Apple harvest beats forecast', korean]);
    assert.deepEqual(await stories(`/admin?sort=byline&dir=desc&section=${ids.world}`), [korean, 'Apple harvest beats forecast', 'Secret mayor draft']);
    assert.deepEqual(await stories('/admin?sort=goes-live&dir=desc'), [
      korean,
      'Bridge vote delayed',
      arabic,
      hostile,
      'Secret mayor draft',
      'Apple harvest beats forecast',
    ]);
    assert.deepEqual(await stories('/admin?sort=status&dir=desc'), [
      'Bridge vote delayed',
      arabic,
      korean,
      hostile,
      'Secret mayor draft',
      'Apple harvest beats forecast',
    ]);
    assert.match(ledeOf(await get('/admin?sort=headline&dir=desc')), /articles, by headline, Z to A\.$/);
  });

  test('pages, sort links, the form and "Clear filters" all keep what the others chose', async () => {
    const first = await get('/admin?tag=Diary&sort=headline&dir=asc');
    assert.equal(headlinesOf(first).length, 50);
    assert.equal(headlinesOf(first)[0], 'Harbour diary, day 01');
    assert.equal(hrefOf(/<a class="pagination__link"[^>]*rel="next">/.exec(first)![0]), '/admin?tag=Diary&sort=headline&dir=asc&page=2');
    const second = await get('/admin?tag=Diary&sort=headline&dir=asc&page=2');
    assert.deepEqual(
      headlinesOf(second),
      ['51', '52', '53', '54', '55'].map((day) => `Harbour diary, day ${day}`),
    );
    assert.equal(hrefOf(/<a class="pagination__link"[^>]*rel="prev">/.exec(second)![0]), '/admin?tag=Diary&sort=headline&dir=asc');
    assert.equal(hrefOf(headingOf(second, 'Headline')), '/admin?tag=Diary&sort=headline&dir=desc', 'a new sort starts on page 1, filters kept');
    assert.equal(hrefOf(headingOf(second, 'Section')), '/admin?tag=Diary&sort=section&dir=asc');
    assert.equal(hrefOf(/<a [^>]*>Clear filters<\/a>/.exec(second)![0]), '/admin?sort=headline&dir=asc', 'the sort outlives the filters');
    assert.match(
      second,
      /<input type="hidden" name="sort" value="headline"\/><input type="hidden" name="dir" value="asc"\/>/,
      'filtering again keeps the sort',
    );
    const trash = await get('/admin?view=trash&q=zoo');
    assert.deepEqual(headlinesOf(trash), ['Zoo keepers strike']);
    assert.match(trash, /<input type="hidden" name="view" value="trash"\/>/, 'the form stays in the trash');
    assert.equal(ledeOf(trash), '1 of 1 article matches in the trash, most recently trashed first. Readers cannot see them.');
    assert.equal(hrefOf(/<a [^>]*>Clear filters<\/a>/.exec(trash)![0]), '/admin?view=trash');
    assert.match(headingOf(trash, 'Trashed'), /aria-sort="descending"/);
    assert.deepEqual(await headlines(`/admin?view=trash&author=${ids.jiwon}`), []);
    assert.equal(ledeOf(await get('/admin?view=changes&q=anything')), '0 of 0 live articles with a change waiting for review match.');
  });

  test("a contributor's filters never reach beyond their own work and what is published", async () => {
    const contributor = await staff.browserAs('contributor');
    const all = await headlines('/admin', contributor);
    assert.deepEqual(all, [hostile, 'Bridge vote delayed', arabic]);
    for (const url of [
      '/admin?q=Secret',
      `/admin?author=${ids.amara}&status=draft`,
      '/admin?status=scheduled',
      '/admin?tag=Diary',
      '/admin?view=trash&q=zoo',
    ]) {
      const body = await get(url, contributor);
      assert.deepEqual(headlinesOf(body), [], url);
      for (const hidden of ['Secret mayor draft', korean, 'Harbour diary', 'Zoo keepers']) assert.ok(!body.includes(hidden), `${url}: ${hidden}`);
    }
    assert.equal(ledeOf(await get('/admin?q=Secret', contributor)), '0 of 3 articles match, most recently edited first.', 'counts only what they may see');
    assert.deepEqual(await headlines(`/admin?author=${ids.amara}`, contributor), ['Bridge vote delayed']);
  });

  test('hostile searches are escaped on the page and matched literally', async () => {
    assert.deepEqual(await headlines('/admin?q=%25'), [hostile], 'a search for % is not a search for everything');
    assert.deepEqual(await headlines('/admin?q=_'), [hostile]);
    assert.deepEqual(await headlines('/admin?q=f_r'), [], '_ is not a wildcard');
    assert.deepEqual(await headlines(`/admin?q=${encodeURIComponent('"students" <b>')}`), [hostile]);
    const body = await get(`/admin?q=${encodeURIComponent('"><script>alert(1)</script>')}&tag=${encodeURIComponent("'onmouseover=x")}`);
    assert.doesNotMatch(body, /<script>alert/);
    assert.match(body, /value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.match(body, /value="&#39;onmouseover=x"|value="'onmouseover=x"/);
    const listed = await get('/admin?q=students&sort=headline&dir=asc');
    assert.doesNotMatch(listed, /<b>bold/);
    assert.match(
      listed,
      /Ferry fares: 50% off_peak for &quot;students&quot; &lt;b&gt;bold&lt;\/b&gt;|Ferry fares: 50% off_peak for "students" &lt;b&gt;bold&lt;\/b&gt;/,
    );
    assert.equal(hrefOf(headingOf(listed, 'Status')), '/admin?q=students&sort=status&dir=asc');
    assert.equal(hrefOf(headingOf(await get(`/admin?q=${encodeURIComponent('a&b "c"')}`), 'Status')), '/admin?q=a%26b+%22c%22&sort=status&dir=asc');
    assert.deepEqual(await headlines('/admin?q=harbour%00diary,+day+01'), ['Harbour diary, day 01'], 'a control character is a space, not an error');
  });

  test('values the form never sends are a 400 page, never a 500', async () => {
    for (const url of [
      '/admin?status=archived',
      '/admin?section=abc',
      '/admin?section=-1',
      '/admin?section=1.5',
      '/admin?section=99999999999',
      '/admin?author=0',
      '/admin?sort=wordcount',
      '/admin?sort=headline&dir=up',
      '/admin?q=a&q=b',
      `/admin?q=${'x'.repeat(600)}`,
      '/admin?view=everything',
      '/admin?page=0',
      '/admin?page=3',
      '/admin?tag=Diary&page=3',
    ]) {
      const response = await editor.get(url);
      assert.equal(response.statusCode, 400, url);
      assert.match(response.headers['content-type'] as string, /text\/html/, url);
    }
    const pastTheEnd = await editor.get('/admin?tag=Diary&page=3');
    assert.match(pastTheEnd.body, /There is no page 3 of this list; its last page is 2\./);
    assert.equal((await editor.get('/admin?section=999999')).statusCode, 200, 'a section that does not exist simply matches nothing');
  });

  // Last: the authors added here would turn every test after it to the typed byline.
  test('with more bylines than a menu holds, the byline is typed: a whole name or slug, or part of one', async () => {
    const { db } = gazette.database;
    for (let number = 1; number <= bylinesInMenu; number++) {
      await createAuthor(db, { slug: `stringer-${number}`, name: `Stringer ${number}`, jobTitle: '', bio: '' });
    }
    const body = await get('/admin');
    assert.match(body, /<label for="field-byline">Byline<\/label>/);
    assert.match(body, /<input id="field-byline" name="byline" type="text" value="" maxlength="120" aria-describedby="field-byline-hint"/);
    assert.doesNotMatch(body, /name="author"/, 'no menu of every byline');
    assert.ok(body.length < 40_000, `the page stays small: ${body.length} bytes`);

    assert.deepEqual(await stories('/admin?byline=okafor'), ['Secret mayor draft', 'Bridge vote delayed'], 'part of a name');
    assert.deepEqual(await stories('/admin?byline=ji-won-park'), ['Apple harvest beats forecast', 'Bridge vote delayed'], 'a slug');
    assert.deepEqual(await stories('/admin?byline=ZED+AHMED&status=published'), [arabic], 'a whole name, in any case, with other filters');
    const nobody = await get('/admin?byline=Nobody+Here');
    assert.deepEqual(headlinesOf(nobody), []);
    assert.match(nobody, /<input id="field-byline" name="byline" type="text" value="Nobody Here" maxlength="120"/, 'the form shows what was typed');
    assert.match(nobody, /Clear filters/);
    assert.equal(ledeOf(await get('/admin?byline=stringer')), `0 of ${diaryDays + 6} articles match, most recently edited first.`);

    const linked = await get(`/admin?author=${ids.amara}`);
    assert.deepEqual(headlinesOf(linked), ['Secret mayor draft', 'Bridge vote delayed'], 'a link to one author still works');
    assert.match(linked, /<input id="field-byline" name="byline" type="text" value="Amara Okafor" maxlength="120"/, 'and names her in the field');
    assert.equal(hrefOf(headingOf(await get('/admin?byline=okafor'), 'Headline')), '/admin?byline=okafor&sort=headline&dir=asc', 'links keep it');
  });
});
