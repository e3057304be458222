import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEmbedUrl, recognizeEmbedUrl } from './embed-urls.ts';

test('what a writer pastes is recognised and made canonical, with a privacy-friendly player address', () => {
  const cases: [string, string, string | undefined][] = [
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    [' https://youtu.be/dQw4w9WgXcQ?si=abc ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871/', 'https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871?dnt=1'],
    ['https://twitter.com/Gazette_News/status/1790000000000000000?s=20', 'https://x.com/Gazette_News/status/1790000000000000000', undefined],
    ['https://instagram.com/p/CxYz123/?igsh=1', 'https://www.instagram.com/p/CxYz123/', undefined],
  ];
  for (const [typed, url, frameSrc] of cases) {
    const embed = recognizeEmbedUrl(typed);
    assert.equal(embed?.url, url, typed);
    assert.equal(embed?.frameSrc, frameSrc, typed);
  }
});

test('other sites, other schemes and look-alike hosts are not recognised', () => {
  for (const typed of [
    'http://youtu.be/dQw4w9WgXcQ',
    'https://youtu.be:8443/dQw4w9WgXcQ',
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://notyoutube.com/watch?v=dQw4w9WgXcQ',
    'https://www.tiktok.com/@a/video/1',
    'javascript:alert(1)',
    'not a url',
  ]) {
    assert.equal(recognizeEmbedUrl(typed), undefined, typed);
  }
});

test('a stored address must already be in one of the strict forms', () => {
  assert.equal(parseEmbedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1'), undefined);
  assert.equal(parseEmbedUrl('https://youtu.be/dQw4w9WgXcQ')?.url, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
});
