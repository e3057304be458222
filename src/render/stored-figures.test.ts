import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitizeStoredHtml } from './sanitize.ts';

const clean = (html: string) => String(sanitizeStoredHtml(html));

const photo =
  '<figure class="inline-photo" data-media="busan-harbour-3f2a9c1d"><img src="/media/busan-harbour-3f2a9c1d/800.jpg" alt="Cranes at dawn" width="1600" height="1067">' +
  '<figcaption><span class="figure__text">The port at dawn &amp; dusk</span> <span class="figure__credit">Photo: Gazette Pictures</span></figcaption></figure>';
const embed =
  '<figure class="embed" data-provider="youtube" data-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener">Watch on YouTube</a></figure>';

test('keeps an inline photo and an embed exactly as the editor stores them, and cleaning twice changes nothing', () => {
  const html = `<p>Before</p>${photo}<p>Between</p>${embed}<hr>`;
  assert.equal(clean(html), `<p>Before</p>${photo}<p>Between</p>${embed}<hr>`);
  assert.equal(clean(clean(html)), clean(html));
});

test('a photo without caption or credit has no figcaption; empty alt text stays an empty attribute', () => {
  const bare = '<figure class="inline-photo" data-media="k1"><img src="/media/k1/480.jpg" alt="" width="480" height="320"></figure>';
  assert.equal(clean(bare), bare);
});

test('inline photos that are not what the editor makes are removed whole', () => {
  const variants = {
    'path traversal in the key': photo.replaceAll('busan-harbour-3f2a9c1d', '../../etc/passwd'),
    'key with a dot': photo.replaceAll('busan-harbour-3f2a9c1d', 'busan.harbour'),
    'image of another key': photo.replace('/media/busan-harbour-3f2a9c1d/800.jpg', '/media/other-key/800.jpg'),
    'image from another site': photo.replace('/media/busan-harbour-3f2a9c1d/800.jpg', 'https://tracker.example/pixel.gif'),
    'protocol-relative image': photo.replace('/media/busan-harbour-3f2a9c1d/800.jpg', '//tracker.example/media/busan-harbour-3f2a9c1d/800.jpg'),
    'not a jpeg variant': photo.replace('800.jpg', '800.svg'),
    'traversal in the file': photo.replace('800.jpg', '../800.jpg'),
    'no dimensions': photo.replace(' width="1600" height="1067"', ''),
    'non-numeric width': photo.replace('width="1600"', 'width="100%"'),
    'no image': photo.replace(/<img[^>]*>/, ''),
  };
  for (const [name, html] of Object.entries(variants)) {
    assert.equal(clean(`<p>a</p>${html}<p>b</p>`), '<p>a</p><p>b</p>', name);
  }
});

test('anything extra inside or on an inline photo is dropped, the photo kept', () => {
  const hostile = photo
    .replace('<img ', '<img onerror="alert(1)" style="x" class="evil" loading="eager" ')
    .replace('<figure class="inline-photo"', '<figure class="inline-photo" id="x" onclick="alert(1)" data-evil="1"')
    .replace('<figcaption>', '<figcaption><script>alert(1)</script><a href="javascript:alert(1)">x</a><strong>bold</strong>');
  const result = clean(hostile);
  for (const banned of ['onerror', 'style', 'evil', 'loading', 'onclick', 'id="x"', '<script', 'javascript:', '<a ', '<strong>']) {
    assert.ok(!result.includes(banned), `${banned} survived in ${result}`);
  }
  assert.match(
    result,
    /^<figure class="inline-photo" data-media="busan-harbour-3f2a9c1d"><img src="\/media\/busan-harbour-3f2a9c1d\/800.jpg" alt="Cranes at dawn" width="1600" height="1067"><figcaption>/,
  );
});

test('images and spans outside an inline photo are removed; a span keeps its text', () => {
  assert.equal(clean('<p>x<img src="/media/k1/800.jpg" alt="" width="1" height="1"></p>'), '<p>x</p>');
  assert.equal(clean('<p><span class="figure__text">kept</span> text</p>'), '<p>kept text</p>');
  assert.equal(clean('<img src=x onerror=alert(1)>'), '');
});

test('embeds are accepted only from allow-listed providers at their exact addresses', () => {
  const embedOf = (provider: string, url: string) => `<figure class="embed" data-provider="${provider}" data-url="${url}"><a href="${url}">x</a></figure>`;
  const accepted: [string, string, string][] = [
    ['youtube', 'https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['vimeo', 'https://vimeo.com/76979871', 'https://vimeo.com/76979871'],
    ['x', 'https://twitter.com/gazette/status/1234567890', 'https://x.com/gazette/status/1234567890'],
    ['instagram', 'https://www.instagram.com/reel/C0dE_1-x/', 'https://www.instagram.com/reel/C0dE_1-x/'],
  ];
  for (const [provider, url, canonical] of accepted) {
    assert.match(
      clean(embedOf(provider, url)),
      new RegExp(`^<figure class="embed" data-provider="${provider}" data-url="${canonical.replace(/[.?]/g, '\\$&')}"><a href="`),
      url,
    );
  }
  const refused: [string, string][] = [
    ['youtube', 'http://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['youtube', 'javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ'],
    ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&list=x'],
    ['youtube', 'https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ'],
    ['youtube', 'https://evil.example/?https://youtu.be/dQw4w9WgXcQ'],
    ['youtube', 'https://user@youtu.be/dQw4w9WgXcQ'],
    ['vimeo', 'https://youtu.be/dQw4w9WgXcQ'],
    ['vimeo', 'https://vimeo.com/76979871/../../x'],
    ['tiktok', 'https://www.tiktok.com/@a/video/1'],
    ['x', 'https://x.com/gazette/status/123<script>'],
    ['instagram', 'https://www.instagram.com/stories/someone/1/'],
    ['', ''],
  ];
  for (const [provider, url] of refused) assert.equal(clean(`<p>a</p>${embedOf(provider, url)}`), '<p>a</p>', `${provider} ${url}`);
});

test('an embed is rebuilt from its address: no iframe, script or other content survives', () => {
  const hostile = embed
    .replace('<a ', '<iframe src="https://www.youtube.com/embed/x"></iframe><script>alert(1)</script><a onclick="x" ')
    .replace('Watch on YouTube', 'Click <b>me</b>');
  assert.equal(clean(hostile), embed);
});

test('plain figures keep working and lose any data attributes', () => {
  assert.equal(
    clean('<figure data-url="https://x.example"><blockquote>q</blockquote><figcaption><cite>A</cite></figcaption></figure>'),
    '<figure><blockquote>q</blockquote><figcaption><cite>A</cite></figcaption></figure>',
  );
  assert.equal(clean('<figure class="inline-photo embed" data-provider="youtube"><p>x</p></figure>'), '');
});
