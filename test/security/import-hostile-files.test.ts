import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type ImportReport, importWordPress, silentProgress, WxrFormatError } from '../../src/imports/index.ts';
import { xssPayloads } from '../fixtures/xss-payloads.ts';
import { assertNoActiveMarkup } from '../helpers/active-markup.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
// XML 1.0 cannot carry C0 controls at all (WordPress's exporter would write a file no parser reads); the rest goes in.
const hostile = xssPayloads
  .map((payload) => payload.text)
  .join(' ')
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

function attachment(id: number, file: string): string {
  return `<item><title>${cdata(`photo ${id}`)}</title><link>http://old.example/?attachment_id=${id}</link><wp:post_id>${id}</wp:post_id>
    <wp:post_type>${cdata('attachment')}</wp:post_type><wp:status>${cdata('inherit')}</wp:status><wp:attachment_url>${cdata(`http://old.example/wp-content/uploads/${file}`)}</wp:attachment_url>
    <wp:postmeta><wp:meta_key>${cdata('_wp_attached_file')}</wp:meta_key><wp:meta_value>${cdata(file)}</wp:meta_value></wp:postmeta>
    <wp:postmeta><wp:meta_key>${cdata('_wp_attachment_image_alt')}</wp:meta_key><wp:meta_value>${cdata(hostile)}</wp:meta_value></wp:postmeta></item>`;
}

/** A WordPress export with a payload in every field a page shows, and attachments that try to leave the uploads folder. */
const hostileExport = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>${cdata(hostile)}</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://old.example</wp:base_site_url>
<wp:author><wp:author_id>1</wp:author_id><wp:author_login>${cdata('evil')}</wp:author_login><wp:author_display_name>${cdata(hostile)}</wp:author_display_name></wp:author>
<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>${cdata('news')}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata('<b onmouseover=alert(1)>News</b>')}</wp:cat_name></wp:category>
<wp:tag><wp:term_id>3</wp:term_id><wp:tag_slug>${cdata('x')}</wp:tag_slug><wp:tag_name>${cdata('<script>alert(1)</script>')}</wp:tag_name></wp:tag>
${attachment(10, '../../../../etc/hostname')}
${attachment(11, '/etc/hostname')}
${attachment(12, '2025/01/linked.jpg')}
${attachment(13, '2025/01/bomb.png')}
<item><title>${cdata(`Headline ${hostile}`)}</title><link>http://old.example/2025/01/hostile/</link><dc:creator>${cdata('evil')}</dc:creator>
  <content:encoded>${cdata(`<p>Body ${hostile}</p><a href="javascript:alert(1)">x</a><img src="http://old.example/wp-content/uploads/2025/01/bomb.png" onerror="alert(1)">[caption]${hostile}[/caption]<!-- wp:html --><iframe src="https://evil.example"></iframe><!-- /wp:html -->`)}</content:encoded>
  <excerpt:encoded>${cdata(hostile)}</excerpt:encoded><wp:post_id>20</wp:post_id><wp:post_date_gmt>${cdata('2025-01-02 10:00:00')}</wp:post_date_gmt>
  <wp:post_name>${cdata('hostile')}</wp:post_name><wp:status>${cdata('publish')}</wp:status><wp:post_type>${cdata('post')}</wp:post_type>
  <category domain="category" nicename="news">${cdata('News')}</category><category domain="post_tag" nicename="x">${cdata('x')}</category>
  <wp:postmeta><wp:meta_key>${cdata('_thumbnail_id')}</wp:meta_key><wp:meta_value>${cdata('12')}</wp:meta_value></wp:postmeta>
  <wp:postmeta><wp:meta_key>${cdata('dateline')}</wp:meta_key><wp:meta_value>${cdata(hostile)}</wp:meta_value></wp:postmeta>
  <wp:postmeta><wp:meta_key>${cdata('\u009b2J\u009b31mred')}</wp:meta_key><wp:meta_value>${cdata('x')}</wp:meta_value></wp:postmeta>
  <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>${cdata(hostile)}</wp:comment_author><wp:comment_author_email>${cdata('a@example.com')}</wp:comment_author_email>
    <wp:comment_author_url>${cdata('javascript:alert(1)')}</wp:comment_author_url><wp:comment_date_gmt>${cdata('2025-01-03 10:00:00')}</wp:comment_date_gmt>
    <wp:comment_content>${cdata(hostile)}</wp:comment_content><wp:comment_approved>${cdata('1')}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item></channel></rss>`;

describe('an export written to attack the importer', () => {
  let gazette: TestGazette;
  let work: string;
  let report: ImportReport;
  before(async () => {
    gazette = await buildTestApp({ seed: false });
    work = await mkdtemp(join(tmpdir(), 'gazette-hostile-import-'));
    await mkdir(join(work, 'uploads/2025/01'), { recursive: true });
    await writeFile(join(work, 'export.xml'), hostileExport);
    await symlink('/etc/hostname', join(work, 'uploads/2025/01/linked.jpg'));
    await copyFile(new URL('../fixtures/images/pixel-bomb.png', import.meta.url), join(work, 'uploads/2025/01/bomb.png'));
    report = await importWordPress(
      { db: gazette.database.db, clock: { now: () => new Date('2026-12-01T12:00:00Z') }, changes: gazette.changes, files: gazette.mediaFiles },
      { open: () => createReadStream(join(work, 'export.xml')), progress: silentProgress, uploadsDir: join(work, 'uploads') },
    );
  });
  after(async () => {
    await gazette.close();
    await rm(work, { recursive: true, force: true });
  });

  test('no file outside the uploads folder is read, through .., an absolute path or a link; a pixel bomb is refused', async () => {
    const photoNotes = report.notes.filter((note) => note.kind === 'photos').map((note) => `${note.sourceId} ${note.reason}`);
    assert.deepEqual(photoNotes.length, 4, photoNotes.join('\n'));
    assert.match(photoNotes.find((note) => note.startsWith('10 '))!, /outside the uploads folder/);
    assert.match(photoNotes.find((note) => note.startsWith('11 '))!, /not a relative path/);
    assert.match(photoNotes.find((note) => note.startsWith('12 '))!, /link to somewhere outside/);
    assert.match(photoNotes.find((note) => note.startsWith('13 '))!, /megapixels/);
    assert.deepEqual(await readdir(join(gazette.dataDir, 'media', 'originals')).catch(() => []), [], 'no original was stored');
  });

  test('every page that shows the imported text shows it as text', async () => {
    const rows = await gazette.database.db.selectFrom('articles').select(['slug']).execute();
    assert.equal(rows.length, 1);
    assert.ok(
      report.notes.some((note) => note.kind === 'sections' && /the section is at \/news-section/.test(note.reason)),
      'news is a Gazette address',
    );
    const urls = [`/news-section/${rows[0]!.slug}`, '/news-section', '/tag/x', '/author/evil', '/', '/search?q=Headline'];
    for (const url of urls) {
      const response = await gazette.app.inject({ url });
      assert.ok(response.statusCode < 400, `${url} answered ${response.statusCode}`);
      assertNoActiveMarkup(response.body, url);
    }
  });

  test('the report cannot write escape sequences to the terminal', () => {
    assert.match(report.toText(), /custom field \uFFFD2J\uFFFD31mred/, 'the field is listed, its controls replaced');
    assert.doesNotMatch(report.toText(), /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
  });
});

test('a truncated export, a JSON file and an XML bomb are refused with a message, never half-read into the database', async (t) => {
  const gazette = await buildTestApp({ seed: false });
  const work = await mkdtemp(join(tmpdir(), 'gazette-bad-import-'));
  t.after(async () => {
    await gazette.close();
    await rm(work, { recursive: true, force: true });
  });
  const files: [string, string, RegExp][] = [
    ['truncated.xml', hostileExport.slice(0, hostileExport.indexOf('<item><title>')), /ends before the export does/],
    ['export.json', JSON.stringify({ db: [{ data: {} }] }), /not a WordPress export/],
    ['bomb.xml', `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss>&lol2;</rss>`, /entit/i],
  ];
  for (const [name, text, message] of files) {
    await writeFile(join(work, name), text);
    await assert.rejects(
      importWordPress(
        { db: gazette.database.db, clock: { now: () => new Date() }, changes: gazette.changes, files: gazette.mediaFiles },
        { open: () => createReadStream(join(work, name)), progress: silentProgress },
      ),
      (error: unknown) => error instanceof WxrFormatError && message.test(error.message),
      name,
    );
  }
  const { n } = await gazette.database.db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  assert.equal(Number(n), 0);
});
