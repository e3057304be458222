import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { describe, test } from 'node:test';
import { readAttachmentMetadata } from './attachment-metadata.ts';
import { readWxr } from './wxr-reader.ts';

const fixturePath = new URL('../../../test/fixtures/imports/wordpress/export.xml', import.meta.url);

/** The fixture's `_wp_attachment_metadata` values, by attachment id. */
async function fixtureMetadata(): Promise<Map<number, string>> {
  const values = new Map<number, string>();
  for await (const record of readWxr(createReadStream(fixturePath))) {
    const value = record.kind === 'item' ? record.meta._wp_attachment_metadata?.[0] : undefined;
    if (record.kind === 'item' && value !== undefined) values.set(record.postId, value);
  }
  return values;
}
const fixtureValues = fixtureMetadata();

/** A PHP string as serialize() writes it: the length counts UTF-8 bytes. */
const phpString = (value: string) => `s:${Buffer.byteLength(value)}:"${value}";`;
const withImageMeta = (entries: Record<string, string>) =>
  `a:2:{s:5:"width";i:1200;s:10:"image_meta";a:${Object.keys(entries).length}:{${Object.entries(entries)
    .map(([key, value]) => phpString(key) + phpString(value))
    .join('')}}}`;

describe('the fixture’s attachments', () => {
  test('the Seoul photo: size, file and the IPTC caption, credit, copyright and title', async () => {
    assert.deepEqual(readAttachmentMetadata((await fixtureValues).get(4)!), {
      width: 640,
      height: 427,
      file: '2025/03/seoul-night-market.jpg',
      caption: 'Paper lanterns light the food stalls of Gwangjang market, Seoul, on 10 March 2025.',
      credit: 'Hana Kim / The Gazette',
      copyright: '© 2025 The Gazette',
      title: 'Night market reopens',
    });
  });

  test('the Cairo photo: an Arabic caption, counted in bytes', async () => {
    assert.deepEqual(readAttachmentMetadata((await fixtureValues).get(5)!), {
      width: 640,
      height: 427,
      file: '2025/03/cairo-election-crowd.jpg',
      caption: 'Supporters wait for the first results in Tahrir Square (ميدان التحرير), Cairo.',
      credit: 'Youssef Amin',
      copyright: 'Agence Exemple',
      title: 'Election night, Cairo',
    });
  });

  test('the Lyon photo: accented title, and no copyright where WordPress stored an empty one', async () => {
    assert.deepEqual(readAttachmentMetadata((await fixtureValues).get(6)!), {
      width: 640,
      height: 427,
      file: '2025/03/lyon-festival-stage.jpg',
      caption: 'The main stage on the place des Terreaux before the opening concert.',
      credit: 'Claire Dubois',
      title: 'Fête des Lumières, opening night',
    });
  });

  test('no prefix or mutation of a real value throws', async () => {
    const value = (await fixtureValues).get(5)!;
    for (let end = 0; end < value.length; end += 1) readAttachmentMetadata(value.slice(0, end));
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % limit;
    };
    for (let round = 0; round < 2000; round += 1) {
      const at = random(value.length);
      const mutated = value.slice(0, at) + '{}";:aOCsi0-9'[random(13)] + value.slice(at + 1);
      const result = readAttachmentMetadata(mutated);
      assert.ok(result === undefined || typeof result === 'object');
    }
  });
});

describe('multi-byte text', () => {
  test('French and Korean captions, whose byte lengths differ from their character lengths', () => {
    const french = "Rue de l'Église — AFP";
    const korean = '서울 광장시장의 밤';
    assert.deepEqual(readAttachmentMetadata(withImageMeta({ caption: french, credit: korean })), { width: 1200, caption: french, credit: korean });
  });

  test('a length counted in characters instead of bytes does not parse', () => {
    const caption = "Rue de l'Église — AFP";
    assert.equal(readAttachmentMetadata(`a:1:{s:10:"image_meta";a:1:{s:7:"caption";s:${caption.length}:"${caption}";}}`), undefined);
  });

  test('entities written by WordPress’s kses filter are decoded', () => {
    assert.deepEqual(readAttachmentMetadata(withImageMeta({ credit: 'Smith &amp; Jones', title: 'A &lt;b&gt; test' })), {
      width: 1200,
      credit: 'Smith & Jones',
      title: 'A <b> test',
    });
  });

  test('a caption with Windows line ends, which XML turned into LF, is read back', () => {
    const serialized = withImageMeta({ caption: 'First line\r\nSecond line' });
    assert.deepEqual(readAttachmentMetadata(serialized.replaceAll('\r\n', '\n')), { width: 1200, caption: 'First line\nSecond line' });
  });
});

describe('hostile and odd values give undefined or leave the field out, never throw', () => {
  test('serialised objects are never built', () => {
    for (const value of [
      'O:8:"stdClass":1:{s:5:"width";i:1;}',
      'a:1:{s:10:"image_meta";O:8:"stdClass":1:{s:7:"caption";s:1:"x";}}',
      'a:1:{s:5:"width";O:11:"constructor":0:{}}',
      'a:1:{s:5:"width";O:9:"__proto__":0:{}}',
      'a:1:{s:5:"width";C:11:"ArrayObject":21:{x:i:0;a:0:{};m:a:0:{}}}',
    ]) {
      assert.equal(readAttachmentMetadata(value), undefined, value);
    }
  });

  test('huge or wrong lengths, truncation and malformed syntax', () => {
    for (const value of [
      'a:1:{s:5:"width";s:999999999:"x";}',
      'a:999999999:{s:5:"width";i:1;}',
      'a:1:{s:5:"width";i:640;',
      'a:1:{s:4:"width";i:640;}',
      'a:1:{s:5:"width" i:640;}',
      'a:-1:{}',
      'a:0:{}trailing',
      'a:1:{s:5:"width";i:abc;}',
      '',
      'b:0;',
      's:5:"hello";',
      'a:2:{i:0;s:1:"a";i:1;s:1:"b";}',
    ]) {
      assert.equal(readAttachmentMetadata(value), undefined, value);
    }
    assert.equal(readAttachmentMetadata(undefined as unknown as string), undefined);
  });

  test('nesting deep enough to exhaust the stack, and values far larger than WordPress writes', () => {
    assert.equal(readAttachmentMetadata(`${'a:1:{i:0;'.repeat(100_000)}N;${'}'.repeat(100_000)}`), undefined);
    assert.equal(readAttachmentMetadata(withImageMeta({ caption: 'x'.repeat(300_000) })), undefined);
  });

  test('a __proto__ key neither shows through nor pollutes Object.prototype', () => {
    assert.deepEqual(readAttachmentMetadata('a:1:{s:9:"__proto__";a:2:{s:5:"width";i:5;s:4:"file";s:1:"x";}}'), {});
    assert.equal(({} as { width?: unknown }).width, undefined);
  });

  test('dimensions that are not positive whole numbers are left out', () => {
    assert.deepEqual(readAttachmentMetadata('a:3:{s:5:"width";i:99999999999999999999;s:6:"height";i:-4;s:4:"file";i:3;}'), {});
    assert.deepEqual(readAttachmentMetadata('a:2:{s:5:"width";d:640.5;s:6:"height";s:3:"427";}'), {});
    assert.deepEqual(readAttachmentMetadata('a:0:{}'), {});
    assert.deepEqual(readAttachmentMetadata('a:1:{s:10:"image_meta";a:1:{s:7:"caption";a:0:{}}}'), {});
  });
});
