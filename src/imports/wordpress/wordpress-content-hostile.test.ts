import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertWordPressContent } from './wordpress-content.ts';
import { convert, outline, resolvers, text, topLevel, uploads } from './wordpress-content.test-support.ts';

describe('convertWordPressContent: hostile bodies', () => {
  it('leaves out scripts, event handlers and javascript: links, keeping the text', () => {
    const { html } = convert(
      '<p onclick="alert(1)">Hi <a href="javascript:alert(1)">there</a> <a href=" java\nscript:alert(2)">you</a></p><script>alert(3)</script><style>p{}</style><img src=x onerror="alert(4)"><svg><script>alert(5)</script></svg>',
      { image: () => undefined },
    );
    assert.equal(html, '<p>Hi there you</p>');
  });

  it('cannot name a photo it did not make', () => {
    const forged =
      '<figure data-gazette-slot="0"></figure><figure class="inline-photo" data-media="seoul-night-market-7f3a"><img src="/media/seoul-night-market-7f3a/800.jpg"></figure>';
    assert.equal(convert(forged, { image: () => undefined }).html, '');
  });

  it('survives shortcodes nested 1000 deep and a [caption] never closed', () => {
    const nested = convert(`${'[box]'.repeat(1000)}Deep${'[/box]'.repeat(1000)}`);
    assert.equal(nested.html, '<p>Deep</p>');
    assert.deepEqual(nested.report.unknownShortcodes, ['box']);
    const unclosed = convert(`[caption id="attachment_4"]<img src="${uploads}seoul-night-market.jpg" alt="Lanterns"> Night market`);
    assert.deepEqual(outline(unclosed.html), ['figure.inline-photo', 'p']);
    assert.equal(text(topLevel(unclosed.html)[1]!), 'Night market');
  });

  it('survives unbalanced and malformed block comments', () => {
    const cases = [
      '<!-- wp:paragraph --><p>Opened, never closed.</p>',
      '<p>Closed, never opened.</p><!-- /wp:paragraph --><!-- wp:paragraph --><p>After.</p><!-- /wp:paragraph -->',
      '<!-- wp:paragraph {"a":1 --><p>Attributes never closed.</p><!-- /wp:paragraph -->',
      '<!-- wp:quote --><blockquote><!-- wp:paragraph --><p>Inner</p></blockquote><!-- /wp:quote -->',
      '<!-- wp:paragraph -->\n<p>A comment never closed follows.</p>\n<!-- /wp:paragraph --><!-- wp:x',
    ];
    assert.deepEqual(
      cases.map((markup) =>
        topLevel(convert(markup).html)
          .map((node) => text(node))
          .join(' '),
      ),
      ['Opened, never closed.', 'Closed, never opened. After.', 'Attributes never closed.', 'Inner', 'A comment never closed follows.'],
    );
  });

  it('converts 5 MB bodies, hostile ones included, in linear time', { timeout: 120_000 }, () => {
    const fill = (pattern: string) => pattern.repeat(Math.ceil(5_000_000 / pattern.length));
    const bodies = {
      classic: fill('A line with <em>emphasis</em> and [b x="1"]a shortcode[/b].\nAnother line.\n\n'),
      blocks: fill('<!-- wp:paragraph -->\n<p>A <a href="http://example.com/">link</a></p>\n<!-- /wp:paragraph -->\n\n'),
      'nested elements': fill('<b>'),
      'open block comments': fill('<!-- wp:paragraph -->'),
      'block comments never closed': fill('<!-- wp:x {"a":1 '),
      'unclosed shortcodes': fill('[caption id="attachment_1"]<a '),
      'unclosed tags': fill('<p<script'),
      spaces: `a${' '.repeat(5_000_000)}b`,
      'many photos': fill(`<img src="${uploads}gone.jpg">`),
    };
    for (const [name, hostile] of Object.entries(bodies)) {
      const started = performance.now();
      const { html } = convertWordPressContent(hostile, resolvers({ image: () => undefined }).resolve);
      assert.equal(typeof html, 'string');
      assert.ok(performance.now() - started < 30_000, `${name} took ${Math.round(performance.now() - started)} ms`);
    }
  });
});
