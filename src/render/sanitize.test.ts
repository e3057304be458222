import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToText, sanitizeStoredHtml } from './sanitize.ts';

const clean = (html: string) => String(sanitizeStoredHtml(html));

test('keeps the markup the editor produces', () => {
  const html =
    '<h2>Heading</h2><p>Text with <strong>bold</strong>, <em>italic</em> and a <a href="https://example.org/x">link</a>.</p><ul><li>one</li></ul><blockquote class="pull-quote">Quote</blockquote>';
  assert.equal(
    clean(html),
    '<h2>Heading</h2><p>Text with <strong>bold</strong>, <em>italic</em> and a <a href="https://example.org/x" rel="noopener">link</a>.</p><ul><li>one</li></ul><blockquote class="pull-quote">Quote</blockquote>',
  );
});

test('removes scripts, handlers, styles and dangerous URLs', () => {
  const hostile = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
    '<svg><script>alert(1)</script></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<iframe src="https://evil.example"></iframe>',
    '<p class="x" id="y">x</p>',
  ].join('');
  const result = clean(hostile);
  for (const banned of ['<script', 'onerror', 'onclick', 'javascript:', 'data:', 'style=', '<svg', '<math', '<iframe', '<img', 'class="x"', 'id="y"']) {
    assert.ok(!result.includes(banned), `${banned} survived in ${result}`);
  }
});

test('only known classes survive on blockquotes', () => {
  assert.equal(clean('<blockquote class="pull-quote evil">q</blockquote>'), '<blockquote class="pull-quote">q</blockquote>');
});

test('plain text of stored HTML drops tags and folds white space', () => {
  assert.equal(htmlToText('<p>One <b>two</b></p><p>three &amp; four</p>'), 'One two three & four');
});

test('tables keep their structure and sane spans, nothing else', () => {
  assert.equal(
    clean(
      '<table style="x" onclick="y"><caption>Turnout</caption><thead><tr><th scope="col" colspan="2">Region</th></tr></thead><tbody><tr><td rowspan="3">A</td><td colspan="1000000">B</td><td colspan="-1" rowspan="x">C</td></tr></tbody></table>',
    ),
    '<table><caption>Turnout</caption><thead><tr><th scope="col" colspan="2">Region</th></tr></thead><tbody><tr><td rowspan="3">A</td><td>B</td><td>C</td></tr></tbody></table>',
  );
  assert.equal(htmlToText('<table><tr><td>one</td><td>two</td></tr></table>'), 'one two');
});
