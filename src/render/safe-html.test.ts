import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { projectRoot } from '../platform/project-root.ts';
import { jsonForScript, renderDocument, renderFragment, textAsHtml } from './safe-html.ts';

test('JSON in a script block cannot close the block', () => {
  const json = String(jsonForScript({ headline: '</script><script>alert(1)</script>' }));
  assert.ok(!json.includes('</script>'));
  assert.deepEqual(JSON.parse(json), { headline: '</script><script>alert(1)</script>' });
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

/** A page with what the runtime treats specially: components, fragments, head and SVG (held as context), raw HTML and text to escape. */
const samplePage = `
  const Headline = ({ text }) => jsx('h1', { children: text });
  const page = jsx('html', { lang: 'en', children: [
    jsx('head', { children: [jsx('title', { children: 'A & B' }), jsx('meta', { charSet: 'utf-8' })] }),
    jsx('body', { children: [
      jsx(Headline, { text: '<b>Tom & Jerry</b>' }),
      jsx(Fragment, { children: [jsx('p', { class: 'a"b', children: 'one' }), raw('<em>kept</em>')] }),
      jsx('svg', { viewBox: '0 0 10 10', children: [jsx('title', { children: 'Logo' }), jsx('path', { strokeWidth: 2, d: 'M0 0' })] }),
    ] }),
  ] });
  const promiseContextId = () => new Promise((resolve) => Promise.resolve().then(() => resolve(executionAsyncId())));
`;

/** Renders the sample page in a process of its own, with Hono's runtime as it comes or through renderDocument. */
function renderInFreshProcess(through: 'runtime' | 'renderDocument'): { html: string; promiseContextId: number } {
  const script = `import { Fragment, jsx } from 'hono/jsx/jsx-runtime';
    import { raw } from 'hono/html';
    import { executionAsyncId } from 'node:async_hooks';
    ${samplePage}
    const html = ${through === 'runtime' ? "'<!DOCTYPE html>' + String(page)" : "(await import('./src/render/safe-html.ts')).renderDocument(page)"};
    console.log(JSON.stringify({ html, promiseContextId: await promiseContextId() }));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' }));
}

test('a page renders as the JSX runtime renders it on its own, without turning on async context tracking for the process', () => {
  const runtime = renderInFreshProcess('runtime');
  const ours = renderInFreshProcess('renderDocument');
  assert.equal(ours.html, runtime.html);
  assert.match(ours.html, /<svg viewBox="0 0 10 10"><title>Logo<\/title><path stroke-width="2" d="M0 0"><\/path><\/svg>/);
  assert.match(ours.html, /<h1>&lt;b&gt;Tom &amp; Jerry&lt;\/b&gt;<\/h1>/);
  // Once anything has run in an AsyncLocalStorage context, Node tracks promises, and their reactions get ids.
  assert.notEqual(runtime.promiseContextId, 0, 'the runtime on its own turns tracking on: the check can tell');
  assert.equal(ours.promiseContextId, 0, 'no promise tracking after a page rendered through renderDocument');
});
