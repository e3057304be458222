import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translator } from '../i18n/index.ts';
import { sanitizeStoredHtml } from '../render/sanitize.ts';
import { hasPlayableEmbed, renderEmbedPlaceholders } from './embed-placeholders.tsx';

const embed = (provider: string, url: string) => `<figure class="embed" data-provider="${provider}" data-url="${url}"><a href="${url}">x</a></figure>`;
const render = (html: string) => renderEmbedPlaceholders(sanitizeStoredHtml(html), translator('en'));

test('a video becomes a click-to-load placeholder: a hidden button for the script, the plain link for everyone', () => {
  const html = String(render(embed('youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ')));
  assert.equal(
    html,
    '<figure class="embed embed--youtube" data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" data-embed-title="YouTube video">' +
      '<p class="embed__provider">YouTube video</p>' +
      '<button type="button" class="embed__load" hidden="">Load the YouTube video (this connects to YouTube)</button>' +
      '<p class="embed__link"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener">Watch on YouTube</a></p></figure>',
  );
  assert.ok(!html.includes('<iframe'), 'nothing is loaded from the provider before the reader asks');
  assert.equal(hasPlayableEmbed(render(embed('vimeo', 'https://vimeo.com/76979871'))), true);
  assert.match(String(render(embed('vimeo', 'https://vimeo.com/76979871'))), /data-embed-src="https:\/\/player\.vimeo\.com\/video\/76979871\?dnt=1"/);
});

test('posts on X and Instagram stay links with a provider label, and need no script', () => {
  const html = render(embed('x', 'https://twitter.com/gazette/status/123') + embed('instagram', 'https://www.instagram.com/p/CxYz123/'));
  assert.equal(hasPlayableEmbed(html), false);
  assert.match(
    String(html),
    /<p class="embed__provider">Post on X<\/p><p class="embed__link"><a href="https:\/\/x\.com\/gazette\/status\/123" rel="noopener">View the post on X<\/a>/,
  );
  assert.match(String(html), /<p class="embed__provider">Post on Instagram<\/p>/);
  assert.ok(!String(html).includes('<button'));
});

test('a body without embeds is returned as it is', () => {
  const body = sanitizeStoredHtml('<p>Plain</p>');
  assert.equal(renderEmbedPlaceholders(body, translator('en')), body);
});
