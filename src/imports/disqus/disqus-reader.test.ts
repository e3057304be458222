import assert from 'node:assert/strict';
import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { DisqusFormatError, type DisqusReadOptions, readDisqus } from './disqus-reader.ts';
import { type DisqusPost, type DisqusRecord, type DisqusThread, parseDisqusDate } from './disqus-records.ts';

const fixturePath = new URL('../../../test/fixtures/imports/disqus/export.xml', import.meta.url);
const fixture = readFileSync(fixturePath);
const wordPressExport = readFileSync(new URL('../../../test/fixtures/imports/wordpress/export.xml', import.meta.url));

async function readAll(input: NodeJS.ReadableStream | AsyncIterable<string | Buffer>, options?: DisqusReadOptions): Promise<DisqusRecord[]> {
  const records: DisqusRecord[] = [];
  for await (const record of readDisqus(input, options)) records.push(record);
  return records;
}
const fromText = (text: string | Buffer) => Readable.from([typeof text === 'string' ? Buffer.from(text) : text]);

const fixtureRecords = readAll(createReadStream(fixturePath));
const threads = async () => (await fixtureRecords).filter((record): record is DisqusThread => record.kind === 'thread');
const posts = async () => (await fixtureRecords).filter((record): record is DisqusPost => record.kind === 'post');
async function post(id: string): Promise<DisqusPost> {
  const found = (await posts()).find((candidate) => candidate.id === id);
  assert.ok(found, `post ${id} is in the fixture`);
  return found;
}

/** A small Disqus export around `body`, for the cases the fixture lacks. */
const disqus = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
${body}
</disqus>
`;

describe('the Disqus fixture', () => {
  test('holds the category, then four threads, then ten posts, in file order', async () => {
    const kinds = (await fixtureRecords).map((record) => record.kind);
    assert.deepEqual(kinds, ['category', ...Array(4).fill('thread'), ...Array(10).fill('post')]);
    assert.deepEqual((await fixtureRecords)[0], { kind: 'category', id: '3104417', forum: 'gazette-news', title: 'General', isDefault: true });
  });

  test('a thread carries its dsq:id, the WordPress plugin’s identifier, its link, forum, category and author', async () => {
    const [seoul] = await threads();
    assert.deepEqual(seoul, {
      kind: 'thread',
      id: '9870001001',
      identifier: '10 http://news.example.org/?p=10',
      forum: 'gazette-news',
      categoryId: '3104417',
      link: 'http://news.example.org/2025/03/seoul-night-markets/',
      title: 'Seoul’s night markets stay open until midnight – Gazette Test Newsroom',
      createdAt: '2025-03-14T08:12:41Z',
      author: { name: 'Night Desk', email: 'desk@news.example.org', username: 'gazette_desk', isAnonymous: false },
      isClosed: false,
      isDeleted: false,
    });
  });

  test('closed and deleted threads, an empty identifier and an anonymous thread author', async () => {
    const all = await threads();
    assert.deepEqual(
      all.map((thread) => [thread.id, thread.isClosed, thread.isDeleted]),
      [
        ['9870001001', false, false],
        ['9870001002', false, false],
        ['9870001003', true, false],
        ['9870001004', false, true],
      ],
    );
    const tram = all[3]!;
    assert.equal(tram.identifier, '');
    assert.deepEqual(tram.author, { name: 'Guest', email: '', username: '', isAnonymous: true });
  });

  test('a post carries its ids, thread, message HTML as stored, author, address and flags', async () => {
    assert.deepEqual(await post('6100000002'), {
      kind: 'post',
      id: '6100000002',
      identifier: '',
      message: '<p>Forty minutes? It was ten when I went.<br>Go before nine.</p>',
      createdAt: '2025-03-14T22:15:40Z',
      isDeleted: false,
      isSpam: false,
      author: { name: 'Jae Lee', email: 'jae@example.com', username: 'jaelee', isAnonymous: false },
      ipAddress: '192.0.2.22',
      threadId: '9870001001',
      parentId: '6100000001',
    });
  });

  test('replies name their parents, three deep on two threads; top-level posts have none', async () => {
    const parents = Object.fromEntries((await posts()).map((candidate) => [candidate.id.slice(-2), candidate.parentId.slice(-2)]));
    assert.deepEqual(parents, { '01': '', '02': '01', '03': '02', '04': '', '05': '01', '06': '', '07': '06', '08': '07', '09': '', '10': '' });
  });

  test('spam, deleted, anonymous, the WordPress comment id and text in other scripts', async () => {
    assert.equal((await post('6100000004')).isSpam, true);
    assert.equal((await post('6100000005')).isDeleted, true);
    assert.deepEqual((await post('6100000003')).author, { name: '서연', email: '', username: '', isAnonymous: true });
    assert.equal((await post('6100000003')).message, '<p>정말 맛있어요! 다음 주에 또 갈게요.</p>');
    assert.equal((await post('6100000006')).message, '<p>شكراً على التغطية الدقيقة &amp; السريعة.</p>', 'CDATA keeps the entity as written');
    assert.equal((await post('6100000009')).identifier, 'wp_id=11');
    assert.equal((await posts()).filter((candidate) => candidate.isSpam || candidate.isDeleted).length, 2);
  });
});

describe('streaming', () => {
  test('7-byte chunks, splitting UTF-8 sequences, give the same records', async () => {
    const chunks = Array.from({ length: Math.ceil(fixture.length / 7) }, (_, index) => fixture.subarray(index * 7, index * 7 + 7));
    assert.deepEqual(await readAll(Readable.from(chunks)), await fixtureRecords);
  });

  test('records come out before the rest of the file has been read', async () => {
    const cut = fixture.indexOf('</thread>') + '</thread>'.length;
    let restSupplied = false;
    async function* source() {
      yield fixture.subarray(0, cut);
      restSupplied = true;
      yield fixture.subarray(cut);
    }
    let firstThreadEarly: boolean | undefined;
    for await (const record of readDisqus(source())) {
      if (record.kind === 'thread' && firstThreadEarly === undefined) firstThreadEarly = !restSupplied;
    }
    assert.equal(firstThreadEarly, true);
  });
});

describe('what else an export may hold', () => {
  test('unknown elements, elements of other namespaces and a post without a dsq:id are read without harm', async () => {
    const records = await readAll(
      fromText(
        disqus(`<extra><post dsq:id="1"><message>nested too deep to be a post</message></post></extra>
<post xmlns:x="urn:other"><x:message>not Disqus's</x:message><message>kept</message><likes>3</likes><thread dsq:id="5"/></post>`),
      ),
    );
    assert.equal(records.length, 1);
    const only = records[0] as DisqusPost;
    assert.equal(only.id, '');
    assert.equal(only.message, 'kept');
    assert.equal(only.threadId, '5');
  });

  test('an export with no categories, threads or posts gives nothing', async () => {
    assert.deepEqual(await readAll(fromText(disqus(''))), []);
  });
});

describe('files that are not a readable Disqus export', { timeout: 20_000 }, () => {
  /** Reading must fail with a DisqusFormatError whose message is a sentence, not saxes' "12:3: …" alone. */
  async function assertRefused(input: string | Buffer, pattern: RegExp, options?: DisqusReadOptions): Promise<DisqusFormatError> {
    let caught: unknown;
    try {
      await readAll(fromText(input), options);
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof DisqusFormatError, `expected a DisqusFormatError, got ${String(caught)}`);
    assert.match(caught.message, pattern);
    assert.doesNotMatch(caught.message, /^\d+:\d+:/);
    return caught;
  }

  test('the fixture cut in half', async () => {
    const error = await assertRefused(fixture.subarray(0, Math.floor(fixture.length / 2)), /ends before the export does.*cut off/);
    assert.ok(error.line !== undefined && error.line > 50);
  });

  test('a WordPress export', async () => {
    await assertRefused(wordPressExport, /not a Disqus export: its outermost element is <rss>.*gazette import wordpress/);
  });

  test('other XML: an Atom feed, an HTML page, a <disqus> element of another namespace', async () => {
    await assertRefused('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', /outermost element is <feed>/);
    await assertRefused('<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>', /outermost element is <html>/);
    await assertRefused('<disqus><post/></disqus>', /in no namespace, not Disqus’s http:\/\/disqus\.com/);
  });

  test('a JSON file', async () => {
    await assertRefused('{"posts": [{"message": "Hello"}]}', /not a Disqus export: it is not XML \(it looks like JSON\)/);
  });

  test('a billion-laughs DOCTYPE', async () => {
    const laughs = Array.from({ length: 9 }, (_, index) => `<!ENTITY lol${index + 1} "${`&lol${index};`.repeat(10)}">`).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE disqus [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n${disqus('<post dsq:id="1"><message>&lol9;</message></post>').replace(/^<\?xml[^>]*>\n/, '')}`;
    await assertRefused(bomb, /declares entities/);
  });

  test('an external entity', async () => {
    const hostile = `<?xml version="1.0"?>\n<!DOCTYPE disqus [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<disqus xmlns="http://disqus.com"><post><message>&x;</message></post></disqus>`;
    await assertRefused(hostile, /declares entities/);
  });

  test('an entity XML does not define', async () => {
    await assertRefused(disqus('<post><message>Caf&eacute;</message></post>'), /entity XML does not define/);
  });

  test('a 2 MB field when the limit is 1 MB, in CDATA or as text', async () => {
    const big = 'x'.repeat(2 * 2 ** 20);
    await assertRefused(disqus(`<post><message><![CDATA[${big}]]></message></post>`), /larger than the limit of 1 MiB/, { maxFieldBytes: 2 ** 20 });
    await assertRefused(disqus(`<post><message>${big}</message></post>`), /larger than the limit of 1 MiB/, { maxFieldBytes: 2 ** 20 });
  });

  test('a post larger than maxRecordBytes, in many small elements', async () => {
    const error = await assertRefused(disqus(`<post>${'<isSpam>false</isSpam>\n'.repeat(5000)}</post>`), /post that starts on line 3 is larger/, {
      maxRecordBytes: 100_000,
    });
    assert.ok(error.line !== undefined && error.line > 3);
  });

  test('elements nested deeper than 32', async () => {
    await assertRefused(disqus(`<post>${'<x>'.repeat(100)}${'</x>'.repeat(100)}</post>`), /nested more than 32 deep/);
  });

  test('an empty file, or one with only white space', async () => {
    await assertRefused('', /The file is empty/);
    await assertRefused('\n \n', /The file is empty/);
  });

  test('a file in another encoding, or with bytes that are not UTF-8', async () => {
    await assertRefused(disqus('').replace('utf-8', 'ISO-8859-1'), /encoded as ISO-8859-1/);
    await assertRefused(Buffer.concat([Buffer.from(disqus('<post><message>Caf')), Buffer.from([0xe9]), Buffer.from('</message></post>')]), /not valid UTF-8/);
  });

  test('a file with nothing but a comment', async () => {
    await assertRefused('<!-- nothing here -->', /holds no XML element/);
  });
});

test('a limit that is not a positive number is a programming error, not a file error', async () => {
  await assert.rejects(readAll(fromText(disqus('')), { maxFieldBytes: Number.NaN }), RangeError);
});

test('parseDisqusDate reads ISO times, UTC when no zone is given, and refuses what is not one', () => {
  assert.equal(parseDisqusDate('2025-03-14T21:03:11Z')?.toISOString(), '2025-03-14T21:03:11.000Z');
  assert.equal(parseDisqusDate(' 2025-03-14T21:03:11 ')?.toISOString(), '2025-03-14T21:03:11.000Z');
  assert.equal(parseDisqusDate('2025-03-14T23:03:11.5+02:00')?.toISOString(), '2025-03-14T21:03:11.500Z');
  for (const bad of ['', 'yesterday', '2025-02-30T10:00:00Z', '2025-03-14 21:03:11', '2025-13-01T00:00:00Z'])
    assert.equal(parseDisqusDate(bad), undefined, bad);
});
