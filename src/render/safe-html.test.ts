import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { projectRoot } from '../platform/project-root.ts';
import { jsonForScript, renderDocument, renderFragment, textAsHtml, trustAsHtml } from './safe-html.ts';

test('JSON in a script block cannot close the block', () => {
  const json = String(jsonForScript({ headline: '</script><script>alert(1)</script>' }));
  assert.ok(!json.includes('</script>'));
  assert.deepEqual(JSON.parse(json), { headline: '</script><script>alert(1)</script>' });
  const separators = String(jsonForScript({ text: 'a\u2028b\u2029c<' }));
  assert.equal(separators, '{"text":"a\\u2028b\\u2029c\\u003c"}', 'line and paragraph separators are escaped too');
});

test('a document starts with the HTML5 doctype', () => {
  assert.equal(renderDocument('<html></html>'), '<!DOCTYPE html><html></html>');
});

test('an async component tree is refused rather than rendered as [object Promise]', () => {
  assert.throws(() => renderDocument(Promise.resolve('x')), TypeError);
});

test('text becomes HTML that shows exactly that text', () => {
  assert.equal(String(textAsHtml(`<img src=x onerror="alert(4)"> & 'it'`)), '&lt;img src=x onerror=&quot;alert(4)&quot;&gt; &amp; &#39;it&#39;');
});

test('a fragment is serialised as it is, and an async one is refused', () => {
  assert.equal(String(renderFragment(textAsHtml('<p>'))), '&lt;p&gt;');
  assert.throws(() => renderFragment(Promise.resolve(textAsHtml('x'))), TypeError);
});

/**
 * A page with what a JSX runtime treats specially: components returning elements, text, lists and
 * nothing; fragments; void elements; boolean, numeric, renamed and missing attributes; SVG's
 * attribute names; HTML passed through; text to escape in elements and attributes.
 */
const samplePage = `
  const Headline = ({ text }) => jsx('h1', { children: text });
  const Words = ({ words }) => words.map((word, index) => jsx('li', { value: index + 1, children: word }));
  const Plain = () => 'Tom & "Jerry"';
  const Nothing = () => null;
  const Wrapper = ({ children }) => jsx('section', { children: [children, jsx(Nothing, {})] });
  const page = jsx('html', { lang: 'en', children: [
    jsx('head', { children: [jsx('meta', { charset: 'utf-8' }), jsx('title', { children: 'A & B' }), jsx('link', { rel: 'stylesheet', href: '/a.css?x=1&y=2' })] }),
    jsx('body', { className: 'page', children: [
      jsx(Headline, { text: '<b>Tom & Jerry</b>' }),
      jsx(Wrapper, { children: jsx(Fragment, { children: [jsx('p', { class: 'a"b', title: "it's", children: 'one' }), raw('<em>kept</em>'), 2, false, null, undefined, [['deep', ' list']]] }) }),
      jsx('ol', { children: jsx(Words, { words: ['first', '<second>'] }) }),
      jsx('p', { children: jsx(Plain, {}) }),
      jsx('form', { method: 'post', action: '/comments?a=1&b=2', children: [
        jsx('label', { htmlFor: 'name', children: 'Name' }),
        jsx('input', { id: 'name', name: 'name', required: true, disabled: false, hidden: undefined, maxlength: 80, 'aria-invalid': true, 'data-x': null, value: raw('&amp;') }),
        jsx('textarea', { name: 'body', rows: 4, children: '</textarea><script>' }),
        jsx('button', { type: 'submit', formNoValidate: true, children: 'Send' }),
      ] }),
      jsx('img', { src: '/p.jpg', alt: '', width: 640, loading: 'lazy', fetchPriority: 'low' }),
      jsx('svg', { viewBox: '0 0 10 10', strokeWidth: 2, children: [jsx('title', { children: 'Logo' }), jsx('path', { strokeLinecap: 'round', fillRule: 'evenodd', d: 'M0 0' })] }),
      jsx('script', { type: 'module', src: '/a.js', defer: true }),
    ] }),
  ] });
  const promiseContextId = () => new Promise((resolve) => Promise.resolve().then(() => resolve(executionAsyncId())));
`;

/** Renders the sample page in a process of its own, through Hono's JSX runtime or through Gazette's and renderDocument. */
function renderInFreshProcess(through: 'hono' | 'gazette'): { html: string; promiseContextId: number } {
  const runtime =
    through === 'hono'
      ? "import { Fragment, jsx } from 'hono/jsx/jsx-runtime'; import { raw } from 'hono/html';"
      : "import { Fragment, jsx } from 'gazette/jsx-runtime'; import { renderDocument, trustAsHtml as raw } from './src/render/safe-html.ts';";
  const script = `${runtime}
    import { executionAsyncId } from 'node:async_hooks';
    ${samplePage}
    const html = ${through === 'hono' ? "'<!DOCTYPE html>' + String(page)" : 'renderDocument(page)'};
    console.log(JSON.stringify({ html, promiseContextId: await promiseContextId() }));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' }));
}

test("a page renders byte for byte as Hono's JSX runtime renders it, without turning on async context tracking", () => {
  const hono = renderInFreshProcess('hono');
  const ours = renderInFreshProcess('gazette');
  assert.equal(ours.html, hono.html);
  assert.match(
    ours.html,
    /<svg viewBox="0 0 10 10" stroke-width="2"><title>Logo<\/title><path stroke-linecap="round" fill-rule="evenodd" d="M0 0"><\/path><\/svg>/,
  );
  assert.match(ours.html, /<h1>&lt;b&gt;Tom &amp; Jerry&lt;\/b&gt;<\/h1>/);
  assert.match(ours.html, /<input id="name" name="name" required="" maxlength="80" aria-invalid="true" value="&amp;"\/>/);
  // Once anything has run in an AsyncLocalStorage context, Node tracks promises, and their reactions get ids.
  assert.notEqual(hono.promiseContextId, 0, "Hono's runtime turns tracking on: the check can tell");
  assert.equal(ours.promiseContextId, 0, 'no promise tracking after a page rendered through renderDocument');
});

test('a component that returns a promise, or an attribute that is a function, is refused rather than printed', async () => {
  const { jsx } = await import('gazette/jsx-runtime');
  const Later = async () => 'soon';
  assert.throws(() => jsx(Later as never, {}), TypeError);
  assert.throws(() => jsx('a', { href: () => '/x' }), /Invalid prop 'href'/);
  assert.throws(() => jsx('a b', {}), /Invalid JSX tag name/);
  assert.equal(String(jsx('button', { onclick: () => undefined, children: 'Go' })), '<button>Go</button>', 'event handlers are not printed');
  const sanitised = trustAsHtml('<a href="https://example.org" onclick="x">link</a>');
  assert.equal(
    String(jsx('p', { title: sanitised })),
    '<p title="<a href=&quot;https://example.org&quot; onclick=&quot;x&quot;>link</a>"></p>',
    'safe HTML cannot end an attribute',
  );
});
