import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { decodeWxrSlug, parseWxrGmtDate, WxrFormatError, type WxrReadOptions } from './wxr-reader.ts';
import type { WxrItem } from './wxr-records.ts';
import { readAll, wxr } from './wxr-reader.test-support.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/imports/wordpress/export.xml', import.meta.url));

describe('files that are not a readable WordPress export', { timeout: 20_000 }, () => {
  /** Reading must fail with a WxrFormatError whose message is a sentence, not saxes' "12:3: …" alone. */
  async function assertRefused(input: string | Buffer, pattern: RegExp, options?: WxrReadOptions): Promise<WxrFormatError> {
    let caught: unknown;
    try {
      await readAll(Readable.from([typeof input === 'string' ? Buffer.from(input) : input]), options);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof WxrFormatError, `expected a WxrFormatError, got ${String(caught)}`);
    assert.match(caught.message, pattern);
    assert.doesNotMatch(caught.message, /^\d+:\d+:/);
    return caught;
  }

  test('the fixture cut in half', async () => {
    const error = await assertRefused(fixture.subarray(0, Math.floor(fixture.length / 2)), /ends before the export does.*cut off/);
    assert.ok(error.line !== undefined && error.line > 100);
  });

  test('a JSON file', async () => {
    await assertRefused('{"posts": [{"title": "Hello"}]}', /not a WordPress export \(WXR\) file: it is not XML \(it looks like JSON\)/);
  });

  test('an HTML page', async () => {
    await assertRefused('<!DOCTYPE html>\n<html><head><title>Blog</title></head><body><p>Hi&nbsp;there</p></body></html>', /outermost element is <html>/);
  });

  test('an ordinary RSS feed', async () => {
    const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>A post</title></item></channel></rss>';
    const error = await assertRefused(feed, /This is not a WordPress export \(WXR\) file.*wp:wxr_version/);
    assert.equal(error.line, 1);
  });

  test('a billion-laughs DOCTYPE', async () => {
    const laughs = Array.from({ length: 9 }, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index};`.repeat(10)}">`).join('\n');
    await assertRefused(
      `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n${wxr('<item><title>&lol9;</title></item>')}`,
      /declares entities/,
    );
  });

  test('an external entity', async () => {
    const hostile = `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<rss><channel><title>&x;</title></channel></rss>`;
    await assertRefused(hostile, /declares entities/);
  });

  test('an entity XML does not define', async () => {
    await assertRefused(wxr('<item><title>Caf&eacute;</title></item>'), /entity XML does not define/);
  });

  test('a 2 MB field when the limit is 1 MB, in CDATA or as text', async () => {
    const big = 'x'.repeat(2 * 2 ** 20);
    await assertRefused(wxr(`<item><content:encoded><![CDATA[${big}]]></content:encoded></item>`), /larger than the limit of 1 MiB/, {
      maxFieldBytes: 2 ** 20,
    });
    await assertRefused(wxr(`<item><title>${big}</title></item>`), /larger than the limit of 1 MiB/, { maxFieldBytes: 2 ** 20 });
  });

  test('an item larger than maxItemBytes, in many small meta entries', async () => {
    const meta = '<wp:postmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>0123456789</wp:meta_value></wp:postmeta>\n'.repeat(5000);
    const error = await assertRefused(wxr(`<item>${meta}</item>`), /item that starts on line 6 is larger/, { maxItemBytes: 100_000 });
    assert.ok(error.line !== undefined && error.line > 6);
  });

  test('elements nested deeper than 64', async () => {
    await assertRefused(wxr(`<item>${'<x>'.repeat(100)}${'</x>'.repeat(100)}</item>`), /nested more than 64 deep/);
  });

  test('an empty file, or one with only white space', async () => {
    await assertRefused('', /The file is empty/);
    await assertRefused('\n \n', /The file is empty/);
    await assertRefused(Buffer.alloc(0), /The file is empty/);
  });

  test('a file in another encoding, or with bytes that are not UTF-8', async () => {
    await assertRefused(wxr('').replace('UTF-8', 'ISO-8859-1'), /encoded as ISO-8859-1/);
    await assertRefused(Buffer.concat([Buffer.from(wxr('<item><title>Caf')), Buffer.from([0xe9]), Buffer.from('</title></item>')]), /not valid UTF-8/);
  });

  test('a file cut inside the XML declaration, or with nothing but a comment', async () => {
    await assertRefused('<?xml version="1.0"', /holds no XML element/);
    await assertRefused('<!-- nothing here -->', /holds no XML element/);
  });
});

describe('what other exporters and older WordPress versions write', () => {
  test('categories and tags known only as wp:term are yielded as such; other taxonomies as terms', async () => {
    const records = await readAll(
      Readable.from([
        wxr(`<wp:term><wp:term_id>3</wp:term_id><wp:term_taxonomy>category</wp:term_taxonomy><wp:term_slug>news</wp:term_slug>
<wp:term_parent></wp:term_parent><wp:term_name><![CDATA[News &amp; Views]]></wp:term_name></wp:term>
<wp:term><wp:term_id>4</wp:term_id><wp:term_taxonomy>post_tag</wp:term_taxonomy><wp:term_slug>%c3%a9t%c3%a9</wp:term_slug><wp:term_name>Été</wp:term_name></wp:term>
<wp:term><wp:term_id>5</wp:term_id><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>main</wp:term_slug><wp:term_name>Main</wp:term_name></wp:term>`),
      ]),
    );
    assert.deepEqual(records.slice(1), [
      { kind: 'category', id: 3, slug: 'news', parentSlug: '', name: 'News & Views', description: '' },
      { kind: 'tag', id: 4, slug: 'été', name: 'Été', description: '' },
      { kind: 'term', taxonomy: 'nav_menu', id: 5, slug: 'main', parentSlug: '', name: 'Main', description: '' },
    ]);
  });

  test('WXR 1.0 item categories: "tag" domains become post_tag, those without a nicename are skipped', async () => {
    const [, post] = await readAll(
      Readable.from([
        wxr(`<item><wp:post_id>1</wp:post_id><category><![CDATA[News]]></category><category domain="category" nicename="news"><![CDATA[News]]></category>
<category domain="tag" nicename="a%2fb"><![CDATA[A/B]]></category></item>`),
      ]),
    );
    assert.deepEqual((post as WxrItem).terms, [
      { taxonomy: 'category', slug: 'news', name: 'News' },
      { taxonomy: 'post_tag', slug: 'a%2fb', name: 'A/B' },
    ]);
  });

  test('an item without the usual fields gets empty strings and zero ids; meta keys like constructor are plain keys', async () => {
    const [, post] = await readAll(
      Readable.from([
        wxr(`<item><wp:post_id>x</wp:post_id><wp:menu_order>-3</wp:menu_order>
<wp:postmeta><wp:meta_key>constructor</wp:meta_key><wp:meta_value>a</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>__proto__</wp:meta_key><wp:meta_value>b</wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key>__proto__</wp:meta_key><wp:meta_value>c</wp:meta_value></wp:postmeta></item>`),
      ]),
    );
    const { postId, menuOrder, title, postDateGmt, status, meta, comments, terms } = post as WxrItem;
    assert.deepEqual([postId, menuOrder, title, postDateGmt, status, comments, terms], [0, -3, '', '', '', [], []]);
    assert.deepEqual(meta.constructor, ['a']);
    assert.deepEqual(Object.getOwnPropertyDescriptor(meta, '__proto__')?.value, ['b', 'c']);
  });

  test('a channel with no content still gives the site', async () => {
    assert.deepEqual(
      (await readAll(Readable.from([wxr('')]))).map((record) => record.kind),
      ['site'],
    );
  });
});

test('a limit that is not a positive number is a programming error, not a file error', async () => {
  await assert.rejects(readAll(Readable.from([wxr('')]), { maxFieldBytes: Number.NaN }), RangeError);
  await assert.rejects(readAll(Readable.from([wxr('')]), { maxItemBytes: 0 }), RangeError);
});

test('parseWxrGmtDate reads UTC times and refuses what is not one', () => {
  assert.deepEqual(parseWxrGmtDate('2025-03-01 10:00:00'), new Date('2025-03-01T10:00:00Z'));
  for (const value of ['0000-00-00 00:00:00', '', '2025-02-30 10:00:00', '2025-03-01T10:00:00', '2025-03-01 25:00:00', '0099-01-01 00:00:00', 'yesterday']) {
    assert.equal(parseWxrGmtDate(value), undefined, value);
  }
});

test('decodeWxrSlug decodes the UTF-8 bytes WordPress encodes and nothing else', () => {
  assert.equal(decodeWxrSlug('%ed%99%94'), '화');
  assert.equal(decodeWxrSlug('seoul-%EC%84%9C%EC%9A%B8-2025'), 'seoul-서울-2025');
  // ASCII escapes are not WordPress's, and a lone Latin-1 byte is not UTF-8: both stay as they are.
  assert.equal(decodeWxrSlug('a%2fb%20c'), 'a%2fb%20c');
  assert.equal(decodeWxrSlug('caf%e9'), 'caf%e9');
});
