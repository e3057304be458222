import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { iimText, readEmbeddedDescription, textOf, xmpText } from './image-metadata.ts';

const fixture = (name: string) => readFile(new URL(`../../test/fixtures/images/${name}`, import.meta.url));
const describeFixture = async (name: string) => readEmbeddedDescription(await sharp(await fixture(name)).metadata());

describe('readEmbeddedDescription', () => {
  test('JPEG with XMP and IIM: XMP wins, x-default chosen, creators joined, whitespace trimmed', async () => {
    assert.deepEqual(await describeFixture('harbour-xmp-and-iptc.jpg'), {
      caption: 'Fishing boats return to Busan harbour at dawn.',
      credit: 'Harbour Photo Agency',
      photographer: 'Ji-won Park, Lena Vogel',
      copyright: '© 2026 Harbour Photo Agency',
      alt: 'Three blue fishing boats tied up at a concrete pier',
    });
  });

  test('JPEG with IIM only: every field from IIM, UTF-8 decoded, repeated by-lines joined, no alt', async () => {
    assert.deepEqual(await describeFixture('market-iptc-only.jpg'), {
      caption: 'Stalls at Jagalchi fish market — Busan, before opening',
      credit: 'Gazette Pictures',
      photographer: 'Amara Okafor, Tomás Ruiz',
      copyright: '© 2026 Amara Okafor',
      alt: '',
    });
  });

  test('IIM written in Latin-1 without a character set is read as Latin-1, not as broken UTF-8', async () => {
    const found = await describeFixture('cafe-latin1-iptc.jpg');
    assert.equal(found.caption, 'Café terrace in Zürich');
    assert.equal(found.credit, 'Agence Genève');
  });

  for (const [name, caption, credit, alt] of [
    ['square-xmp.png', 'A yellow square on a blue ground.', 'Studio Credit', 'A yellow square centred on a blue background'],
    ['lighthouse-xmp.webp', 'Lighthouse at Cape Point in fog.', 'Coastal Images', 'A white lighthouse half hidden by fog'],
    ['dunes-xmp.avif', 'Dunes at Sossusvlei after rain.', 'Desert Desk', 'Red sand dunes under a grey sky'],
  ] as const) {
    test(`${name.split('.').at(-1)!.toUpperCase()} with XMP only`, async () => {
      const found = await describeFixture(name);
      assert.equal(found.caption, caption);
      assert.equal(found.credit, credit);
      assert.equal(found.alt, alt);
      assert.notEqual(found.photographer, '');
      assert.notEqual(found.copyright, '');
    });
  }

  test('a GIF without metadata describes nothing', async () => {
    assert.deepEqual(await describeFixture('plain.gif'), { caption: '', credit: '', photographer: '', copyright: '', alt: '' });
  });

  test('a broken XMP packet or IIM block counts as empty instead of failing', async () => {
    const found = await readEmbeddedDescription({ xmp: Buffer.from('<x:xmpmeta><rdf:RDF'), iptc: Buffer.from('Photoshop 3.0\0garbage') });
    assert.deepEqual(found, { caption: '', credit: '', photographer: '', copyright: '', alt: '' });
  });

  test('XMP under unusual prefixes is found by namespace; alt never falls back to the caption', async () => {
    const xmp = Buffer.from(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description rdf:about="" xmlns:d="http://purl.org/dc/elements/1.1/" xmlns:ps="http://ns.adobe.com/photoshop/1.0/" ps:Credit=" Wire \n Service ">' +
        '<d:description><rdf:Alt><rdf:li xml:lang="fr">Le port</rdf:li><rdf:li xml:lang="x-default">The harbour</rdf:li></rdf:Alt></d:description>' +
        '</rdf:Description></rdf:RDF></x:xmpmeta>',
    );
    const found = await readEmbeddedDescription({ xmp });
    assert.equal(found.caption, 'The harbour');
    assert.equal(found.credit, 'Wire Service');
    assert.equal(found.alt, '');
  });
});

describe('xmpText', () => {
  test('XML escapes exifr leaves in are decoded exactly once', () => {
    assert.equal(xmpText('Alt&quot; onerror=alert(1) x=&quot;'), 'Alt" onerror=alert(1) x="');
    assert.equal(xmpText([{ lang: 'x-default', value: '&#169; 2026 Ana &amp; Bo' }]), '© 2026 Ana & Bo');
    assert.equal(xmpText('&amp;lt;b&amp;gt;'), '&lt;b&gt;', 'an escaped escape stays literal text');
    assert.equal(xmpText(['A &amp; B', 'C']), 'A & B, C');
  });

  test('text that decodes to a tag never reaches the description', async () => {
    const xmp = Buffer.from(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="&lt;b&gt;Wire&lt;/b&gt;">' +
        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Ships &amp; boats</rdf:li></rdf:Alt></dc:description>' +
        '</rdf:Description></rdf:RDF></x:xmpmeta>',
    );
    const found = await readEmbeddedDescription({ xmp });
    assert.equal(found.caption, 'Ships & boats');
    assert.equal(found.credit, '');
  });
});

describe('textOf and iimText', () => {
  test('language alternatives without x-default give their first entry', () => {
    assert.equal(
      textOf([
        { lang: 'de', value: 'Hafen' },
        { lang: 'en', value: 'Harbour' },
      ]),
      'Hafen',
    );
  });
  test('numbers exifr revived come back as text; unknown shapes give nothing', () => {
    assert.equal(textOf(2026), '2026');
    assert.equal(textOf({ something: 'else' }), '');
    assert.equal(textOf(undefined), '');
  });
  test('IIM bytes: UTF-8 when valid, Windows-1252 otherwise', () => {
    assert.equal(iimText(Buffer.from('Tomás', 'utf8').toString('latin1')), 'Tomás');
    assert.equal(iimText('Caf\u00e9 \u0093quoted\u0094'), 'Café “quoted”');
    assert.equal(iimText(['A', ' ', 'B']), 'A, B');
  });
});
