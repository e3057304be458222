import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../i18n/index.ts';
import { sanitizeStoredHtml } from '../render/sanitize.ts';
import type { ArticleImage } from './article.ts';
import { inlinePhotoKeys, renderInlinePhotos } from './inline-photos.tsx';

const stored = (key: string, alt = 'Cranes at dawn', caption = 'The port at dawn', credit = 'Gazette Pictures') =>
  `<figure class="inline-photo" data-media="${key}"><img src="/media/${key}/800.jpg" alt="${alt}" width="1600" height="1067"><figcaption><span class="figure__text">${caption}</span> <span class="figure__credit">Photo: ${credit}</span></figcaption></figure>`;
const english = translator('en');
const library = new Map<string, ArticleImage>([
  ['harbour-1a2b', { id: 7, storageKey: 'harbour-1a2b', width: 2400, height: 1600, alt: 'Library alt', caption: 'Library caption', credit: 'Library credit' }],
]);

test('lists the storage keys an article body shows, each once, in order', () => {
  assert.deepEqual(inlinePhotoKeys(`<p>x</p>${stored('harbour-1a2b')}${stored('market-9f')}${stored('harbour-1a2b')}`), ['harbour-1a2b', 'market-9f']);
  assert.deepEqual(inlinePhotoKeys('<p>No photos</p>'), []);
});

test('an inline photo becomes the responsive picture with the caption and credit chosen for the article', () => {
  const html = String(renderInlinePhotos(sanitizeStoredHtml(`<p>Before</p>${stored('harbour-1a2b')}<p>After</p>`), library, english));
  assert.match(html, /^<p>Before<\/p><figure class="figure"><picture><source type="image\/avif" srcset="\/media\/harbour-1a2b\/480\.avif 480w, /);
  assert.match(
    html,
    /<img src="\/media\/harbour-1a2b\/800\.jpg" srcset="[^"]+1600\.jpg 1600w" sizes="\(min-width: 42rem\) 40rem, 100vw" width="2400" height="1600" alt="Cranes at dawn" decoding="async" loading="lazy">/,
  );
  assert.match(
    html,
    /<figcaption class="figure__caption"><span class="figure__text">The port at dawn<\/span> <span class="figure__credit">Photo: Gazette Pictures<\/span><\/figcaption><\/figure><p>After<\/p>$/,
  );
});

test('empty alt text falls back to the library, and text is escaped', () => {
  const html = String(renderInlinePhotos(sanitizeStoredHtml(stored('harbour-1a2b', '', 'Fish &amp; chips &lt;script&gt;')), library, english));
  assert.match(html, /alt="Library alt"/);
  assert.match(html, /Fish &amp; chips &lt;script&gt;/);
});

test('a photo no longer in the library is left out, not shown broken', () => {
  assert.equal(String(renderInlinePhotos(sanitizeStoredHtml(`<p>a</p>${stored('deleted-77')}<p>b</p>`), library, english)), '<p>a</p><p>b</p>');
});

test('a body without inline photos is returned as it is', () => {
  const body = sanitizeStoredHtml('<p>Plain <br /> text</p>');
  assert.equal(renderInlinePhotos(body, library, english), body);
});
