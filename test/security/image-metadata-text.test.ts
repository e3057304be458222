import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { FormClient } from '../helpers/form-client.ts';
import { uploadFiles } from '../helpers/multipart.ts';
import { createTestOwner } from '../helpers/newsroom.ts';
import { buildTestApp, type TestGazette } from '../helpers/test-app.ts';

let gazette: TestGazette;
let browser: FormClient;

type Stored = { id: number; alt: string; caption: string; credit: string; photographer: string; copyright: string };

/** A real JPEG whose XMP packet carries `properties`, each written as XML text, escapes and all. */
async function jpegWithXmp(properties: { caption: string; credit: string; creator: string; rights: string; alt: string }, colour: string): Promise<Buffer> {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${text}</rdf:li></rdf:Alt>`;
  const xmp =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"' +
    ` xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" photoshop:Credit="${properties.credit}">` +
    `<dc:description>${alt(properties.caption)}</dc:description>` +
    `<dc:creator><rdf:Seq><rdf:li>${properties.creator}</rdf:li></rdf:Seq></dc:creator>` +
    `<dc:rights>${alt(properties.rights)}</dc:rights>` +
    `<Iptc4xmpCore:AltTextAccessibility>${alt(properties.alt)}</Iptc4xmpCore:AltTextAccessibility>` +
    '</rdf:Description></rdf:RDF></x:xmpmeta>';
  return sharp({ create: { width: 40, height: 30, channels: 3, background: colour } })
    .jpeg()
    .withXmp(xmp)
    .toBuffer();
}

async function upload(name: string, bytes: Buffer): Promise<Stored> {
  const response = await uploadFiles(gazette.app, browser, [{ name, bytes }], { json: true, csrf: 'header' });
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { added: Stored[] }).added[0]!;
}

before(async () => {
  gazette = await buildTestApp({ seed: false });
  browser = new FormClient(gazette.app);
  browser.setCookie('gazette_session', (await createTestOwner(gazette)).sessionToken);
});
after(() => gazette.close());

describe('descriptions read from a file’s XMP', () => {
  test('XML escapes are decoded exactly once: a quote-breaking caption is stored as plain text and shown escaped once', async () => {
    const bytes = await jpegWithXmp(
      {
        caption: 'Alt&quot; onerror=alert(1) x=&quot;',
        credit: 'Ana &amp;amp; Bo',
        creator: 'Ana &amp; Bo',
        rights: '&#169; 2026 Ana &amp; Bo',
        alt: 'Two people, &#x201C;quoted&#x201D;',
      },
      '#806040',
    );
    const stored = await upload('quote-breaker.jpg', bytes);
    assert.equal(stored.caption, 'Alt" onerror=alert(1) x="');
    assert.equal(stored.credit, 'Ana &amp; Bo', 'an escaped escape stays the literal text it stands for');
    assert.equal(stored.photographer, 'Ana & Bo');
    assert.equal(stored.copyright, '© 2026 Ana & Bo');
    assert.equal(stored.alt, 'Two people, “quoted”');

    const page = (await browser.get(`/admin/media/${stored.id}`)).body;
    assert.ok(page.includes('>Alt&quot; onerror=alert(1) x=&quot;</textarea>'), 'the caption field shows the quotes, escaped once');
    assert.doesNotMatch(page, /&amp;quot;/, 'no escape left over from the file');
    assert.doesNotMatch(page, /" onerror=alert/, 'the quote never closes an attribute');
    const library = (await browser.get('/admin/media')).body;
    assert.ok(library.includes('<p class="media-card__caption">Alt&quot; onerror=alert(1) x=&quot;</p>'));
  });

  test('text that decodes to HTML tags is dropped, as the same text typed into the form would be refused', async () => {
    const tagged = { credit: '&lt;b&gt;Wire&lt;/b&gt;', creator: '&lt;script&gt;alert(1)&lt;/script&gt;', alt: '&lt;img src=x onerror=alert(1)&gt;' };
    const bytes = await jpegWithXmp({ caption: 'Harbour at dawn', rights: 'CC BY 4.0', ...tagged }, '#205080');
    const stored = await upload('tagged-metadata.jpg', bytes);
    assert.deepEqual(
      { caption: stored.caption, credit: stored.credit, photographer: stored.photographer, copyright: stored.copyright, alt: stored.alt },
      { caption: 'Harbour at dawn', credit: '', photographer: '', copyright: 'CC BY 4.0', alt: '' },
    );
    const typed = await browser.post(`/admin/media/${stored.id}`, { alt: 'Boats', caption: 'Harbour at dawn', credit: '<b>Wire</b>' });
    assert.equal(typed.statusCode, 422, 'the same text typed is refused');
    assert.match(typed.body, /id="field-credit-error">[^<]*plain text/);
  });
});
